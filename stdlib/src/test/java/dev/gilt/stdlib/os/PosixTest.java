package dev.gilt.stdlib.os;

import static dev.gilt.stdlib.Py.call;
import static dev.gilt.stdlib.Py.i;
import static dev.gilt.stdlib.Py.raises;
import static dev.gilt.stdlib.Py.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.Literal;
import dev.gilt.stdlib.Py;
import dev.gilt.stdlib.util.Cwd;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixTest {
    @TempDir
    Path dir;

    String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    @DisplayName("mkdir, listdir, stat, rename, remove and rmdir with CPython's errors")
    void files() throws Exception {
        call("posix", "mkdir", p("d"));
        raises(PyExc.FileExistsError, "[Errno 17] File exists: '" + p("d") + "'", () -> call("posix", "mkdir", p("d")));
        Files.writeString(dir.resolve("d/f.txt"), "abc");
        assertEquals("['f.txt']", Literal.repr(call("posix", "listdir", p("d"))));
        PyObject st = call("posix", "stat", p("d/f.txt"));
        assertEquals(3, i(Ops.getAttr(st, "st_size")));
        assertEquals(0100000, i(Ops.getAttr(st, "st_mode")) & 0170000);
        assertTrue(Ops.getAttr(st, "st_mtime") instanceof dev.gilt.runtime.object.PyFloat);
        assertEquals(10, Ops.len(st));
        raises(PyExc.OSError, "[Errno 39] Directory not empty: '" + p("d") + "'", () -> call("posix", "rmdir", p("d")));
        raises(PyExc.IsADirectoryError, "[Errno 21] Is a directory: '" + p("d") + "'", () -> call("posix", "remove", p("d")));
        raises(PyExc.NotADirectoryError, "[Errno 20] Not a directory: '" + p("d/f.txt") + "'",
                () -> call("posix", "rmdir", p("d/f.txt")));
        raises(PyExc.FileNotFoundError, "[Errno 2] No such file or directory: '" + p("nope") + "'",
                () -> call("posix", "stat", p("nope")));
        call("posix", "rename", p("d/f.txt"), p("d/g.txt"));
        assertTrue(Files.exists(dir.resolve("d/g.txt")));
        call("posix", "remove", p("d/g.txt"));
        call("posix", "rmdir", p("d"));
        assertTrue(!Files.exists(dir.resolve("d")));
    }

    @Test
    @DisplayName("chdir moves the directory relative paths resolve against")
    void chdir() throws Exception {
        Path old = Cwd.get();
        try {
            Files.createDirectory(dir.resolve("sub"));
            call("posix", "chdir", p("sub"));
            assertEquals(dir.resolve("sub").toRealPath().toString(), s(call("posix", "getcwd")));
            call("posix", "mkdir", "rel");
            assertTrue(Files.isDirectory(dir.resolve("sub/rel")));
            raises(PyExc.FileNotFoundError, "[Errno 2] No such file or directory: 'zz'", () -> call("posix", "chdir", "zz"));
        } finally {
            Cwd.set(old);
        }
    }

    @Test
    @DisplayName("descriptor I/O: open, write, lseek, read, close")
    void fds() {
        long flags = 64 | 2; // O_CREAT | O_RDWR
        PyObject fd = call("posix", "open", p("x.bin"), (int) flags);
        assertTrue(i(fd) >= 3);
        assertEquals(5, i(call("posix", "write", fd, "hello".getBytes())));
        call("posix", "lseek", fd, 1, 0);
        assertEquals("ell", Py.b(call("posix", "read", fd, 3)));
        call("posix", "close", fd);
        raises(PyExc.OSError, "[Errno 9] Bad file descriptor", () -> call("posix", "close", fd));
        assertEquals("No such file or directory", s(call("posix", "strerror", 2)));
    }
}
