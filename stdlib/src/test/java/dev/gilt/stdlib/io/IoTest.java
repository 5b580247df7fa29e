package dev.gilt.stdlib.io;

import static dev.gilt.stdlib.Py.b;
import static dev.gilt.stdlib.Py.i;
import static dev.gilt.stdlib.Py.method;
import static dev.gilt.stdlib.Py.raises;
import static dev.gilt.stdlib.Py.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.Py;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoTest {
    @TempDir
    Path dir;

    PyObject open(Path p, String mode, Map<String, Object> kw) {
        return Py.callKw(Py.fn("io", "open"), new Object[] {p.toString(), mode}, kw);
    }

    PyObject open(Path p, String mode) {
        return open(p, mode, Map.of());
    }

    @Test
    @DisplayName("text written through open() reads back line by line, and the repr names the file")
    void textRoundTrip() throws Exception {
        Path p = dir.resolve("a.txt");
        PyObject f = open(p, "w");
        assertEquals("<_io.TextIOWrapper name='" + p + "' mode='w' encoding='UTF-8'>", Ops.reprString(f));
        assertEquals(6, i(method(f, "write", "hello\n")));
        method(f, "writelines", Py.list("wörld\n", "last"));
        method(f, "close");
        assertEquals(PyBool.TRUE, Ops.getAttr(f, "closed"));
        assertEquals("hello\nwörld\nlast", Files.readString(p));

        PyObject r = open(p, "r");
        assertEquals("hello\n", s(method(r, "readline")));
        assertEquals(6, i(method(r, "tell")));
        assertEquals("wörld\n", s(method(r, "readline")));
        assertEquals(13, i(method(r, "tell")), "tell counts bytes: ö is two");
        assertEquals("last", s(method(r, "readline")));
        assertEquals("", s(method(r, "readline")));
        method(r, "seek", 0);
        PyObject lines = method(r, "readlines");
        assertEquals("['hello\\n', 'wörld\\n', 'last']", listRepr(lines));
        method(r, "seek", 6);
        assertEquals("wö", s(method(r, "read", 2)));
        assertEquals("rld\nlast", s(method(r, "read")));
        method(r, "close");
        raises(PyExc.ValueError, "I/O operation on closed file.", () -> method(r, "read"));
    }

    static String listRepr(PyObject l) {
        StringBuilder sb = new StringBuilder("[");
        var list = (dev.gilt.runtime.object.PyList) l;
        for (int k = 0; k < list.size; k++) {
            if (k > 0) sb.append(", ");
            sb.append(dev.gilt.stdlib.util.Args.reprString(((PyStr) list.items[k]).value));
        }
        return sb.append(']').toString();
    }

    @Test
    @DisplayName("iteration yields lines and universal newlines translate \\r\\n and \\r")
    void iterationAndNewlines() throws Exception {
        Path p = dir.resolve("nl.txt");
        Files.write(p, "a\r\nb\rc\nd".getBytes(StandardCharsets.UTF_8));
        PyObject f = open(p, "r");
        PyObject it = Ops.iter(f);
        StringBuilder sb = new StringBuilder();
        PyObject x;
        while ((x = Ops.next(it)) != null) sb.append('[').append(s(x)).append(']');
        assertEquals("[a\n][b\n][c\n][d]", sb.toString());
        PyObject raw = open(p, "r", Map.of("newline", ""));
        assertEquals("a\r\n", s(method(raw, "readline")));
        assertEquals("b\r", s(method(raw, "readline")));
        PyObject all = open(p, "r");
        assertEquals("a\nb\nc\nd", s(method(all, "read")));
    }

    @Test
    @DisplayName("a \\r\\n split across decode chunks is still one newline")
    void crlfAcrossChunks() throws Exception {
        Path p = dir.resolve("big.txt");
        String body = "x".repeat(PyTextIO.CHUNK - 1) + "\r\nnext";
        Files.writeString(p, body);
        PyObject f = open(p, "r");
        assertEquals("x".repeat(PyTextIO.CHUNK - 1) + "\n", s(method(f, "readline")));
        assertEquals("next", s(method(f, "readline")));
    }

    @Test
    @DisplayName("binary files return bytes; r+b is BufferedRandom with a consistent position")
    void binary() throws Exception {
        Path p = dir.resolve("b.bin");
        PyObject f = open(p, "wb");
        assertEquals("<_io.BufferedWriter name='" + p + "'>", Ops.reprString(f));
        method(f, "write", "abc\ndef".getBytes());
        method(f, "close");
        PyObject r = open(p, "r+b");
        assertEquals("<_io.BufferedRandom name='" + p + "'>", Ops.reprString(r));
        assertEquals("rb+", s(Ops.getAttr(r, "mode")));
        assertEquals("abc\n", b(method(r, "readline")));
        assertEquals(4, i(method(r, "tell")));
        method(r, "write", "XY".getBytes());
        assertEquals(6, i(method(r, "tell")));
        assertEquals("f", b(method(r, "read")));
        method(r, "seek", 0);
        assertEquals("abc\nXYf", b(method(r, "read")));
        method(r, "close");
        PyObject raw = open(p, "rb", Map.of("buffering", 0));
        assertEquals("<_io.FileIO name='" + p + "' mode='rb' closefd=True>", Ops.reprString(raw));
        assertEquals("abc", b(method(raw, "read", 3)));
    }

    @Test
    @DisplayName("append mode writes at the end; 'x' refuses an existing file")
    void appendAndExclusive() throws Exception {
        Path p = dir.resolve("app.txt");
        Files.writeString(p, "one\n");
        PyObject f = open(p, "a");
        method(f, "write", "two\n");
        method(f, "close");
        assertEquals("one\ntwo\n", Files.readString(p));
        raises(PyExc.FileExistsError, "[Errno 17] File exists: '" + p + "'", () -> open(p, "x"));
    }

    @Test
    @DisplayName("open() errors match CPython")
    void errors() {
        Path missing = dir.resolve("nope").resolve("x");
        raises(PyExc.FileNotFoundError, "[Errno 2] No such file or directory: '" + missing + "'", () -> open(missing, "r"));
        raises(PyExc.IsADirectoryError, "[Errno 21] Is a directory: '" + dir + "'", () -> open(dir, "r"));
        raises(PyExc.ValueError, "must have exactly one of create/read/write/append mode", () -> open(dir, "rw"));
        raises(PyExc.ValueError, "invalid mode: 'rr'", () -> open(dir, "rr"));
        raises(PyExc.ValueError, "can't have text and binary mode at once", () -> open(dir, "rbt"));
        raises(PyExc.ValueError, "Must have exactly one of create/read/write/append mode and at most one plus",
                () -> open(dir, "b"));
        raises(PyExc.ValueError, "binary mode doesn't take an encoding argument",
                () -> open(dir, "rb", Map.of("encoding", "utf8")));
        raises(PyExc.ValueError, "can't have unbuffered text I/O", () -> open(dir, "r", Map.of("buffering", 0)));
        raises(PyExc.LookupError, "unknown encoding: nope", () -> open(dir.resolve("q"), "w", Map.of("encoding", "nope")));
        raises(PyExc.TypeError, "expected str, bytes or os.PathLike object, not float",
                () -> Ops.call(Py.fn("io", "open"), Py.obj(3.5)));
    }

    @Test
    @DisplayName("writing to a read-only file raises io.UnsupportedOperation, a ValueError and OSError")
    void unsupported() throws Exception {
        Path p = dir.resolve("ro.txt");
        Files.writeString(p, "x");
        PyObject f = open(p, "r");
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.gilt.runtime.error.PyException.class,
                () -> method(f, "write", "y"));
        assertEquals("UnsupportedOperation", e.exc.type().name());
        assertTrue(e.matches(PyExc.ValueError));
        assertTrue(e.matches(PyExc.OSError));
        raises(PyExc.TypeError, "write() argument must be str, not int", () -> method(open(p, "a"), "write", 3));
    }

    @Test
    @DisplayName("StringIO: read, readline, seek past end pads, closed message without period")
    void stringIO() {
        PyObject t = PyStringIO.TYPE.newInstance.create(PyStringIO.TYPE, Py.objs("hello\nworld\n"), null);
        assertEquals("hello\n", s(method(t, "readline")));
        assertEquals(6, i(method(t, "tell")));
        assertEquals("wor", s(method(t, "read", 3)));
        assertEquals("ld\n", s(method(t, "read")));
        assertEquals(1, i(method(t, "write", "X")));
        assertEquals("hello\nworld\nX", s(method(t, "getvalue")));
        method(t, "seek", 15);
        method(t, "write", "Z");
        assertEquals("hello\nworld\nX\0\0Z", s(method(t, "getvalue")));
        raises(PyExc.OSError, "Can't do nonzero cur-relative seeks", () -> method(t, "seek", 1, 1));
        raises(PyExc.TypeError, "string argument expected, got 'bytes'", () -> method(t, "write", new byte[] {1}));
        method(t, "close");
        raises(PyExc.ValueError, "I/O operation on closed file", () -> method(t, "getvalue"));
        PyObject u = PyStringIO.TYPE.newInstance.create(PyStringIO.TYPE, Py.objs("a\r\nb", null), null);
        assertEquals("a\nb", s(method(u, "getvalue")));
    }

    @Test
    @DisplayName("BytesIO and a TextIOWrapper over it")
    void bytesIO() {
        PyObject b = PyBytesIO.TYPE.newInstance.create(PyBytesIO.TYPE, Py.objs("ab\ncd".getBytes()), null);
        assertEquals("ab\n", b(method(b, "readline")));
        assertEquals("cd", b(method(b, "read")));
        assertEquals(3, i(method(b, "write", "xyz".getBytes())));
        assertEquals("ab\ncdxyz", b(method(b, "getvalue")));
        raises(PyExc.ValueError, "negative seek value -1", () -> method(b, "seek", -1));
        PyObject buf = PyBytesIO.TYPE.newInstance.create(PyBytesIO.TYPE, Py.objs(), null);
        PyObject t = PyTextIO.TYPE.newInstance.create(PyTextIO.TYPE, Py.objs(buf, "utf-8"), null);
        assertEquals("<_io.TextIOWrapper encoding='utf-8'>", Ops.reprString(t));
        method(t, "write", "é\n");
        method(t, "flush");
        assertEquals("\u00c3\u00a9\n", b(method(buf, "getvalue")));
        method(t, "seek", 0);
        assertEquals("é\n", s(method(t, "read")));
    }

    @Test
    @DisplayName("decode errors name the codec, byte and position")
    void decodeError() throws Exception {
        Path p = dir.resolve("bad.txt");
        Files.write(p, new byte[] {'a', (byte) 0xff});
        raises(PyExc.UnicodeDecodeError, "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte",
                () -> method(open(p, "r"), "read"));
        PyObject f = open(p, "r", Map.of("errors", "replace"));
        assertEquals("a\ufffd", s(method(f, "read")));
        PyObject l = open(p, "r", Map.of("encoding", "latin-1"));
        assertEquals("a\u00ff", s(method(l, "read")));
    }
}
