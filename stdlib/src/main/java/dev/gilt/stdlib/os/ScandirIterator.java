package dev.gilt.stdlib.os;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Attr;
import dev.gilt.stdlib.util.Prop;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;

/** {@code os.scandir()}'s iterator and its {@code os.DirEntry} items. */
final class ScandirIterator extends PyObject {
    static final PyType TYPE = Attr.install(PyType.builtin("ScandirIterator", ScandirIterator.class), "posix");
    static final PyType ENTRY_TYPE = Attr.install(PyType.builtin("DirEntry", Entry.class), "posix");

    private final String base;
    private DirectoryStream<Path> stream;
    private Iterator<Path> it;

    ScandirIterator(String base, Path dir) throws IOException {
        this.base = base;
        this.stream = Files.newDirectoryStream(dir);
        this.it = stream.iterator();
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    void close() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // nothing to report
            }
            stream = null;
            it = null;
        }
    }

    @Override
    public void releaseReferences() {
        close();
    }

    /** One directory entry: name, path (joined as os.path.join would) and cached type tests. */
    static final class Entry extends PyObject {
        final String name, path;
        final Path file;

        Entry(String name, String path, Path file) {
            this.name = name;
            this.path = path;
            this.file = file;
        }

        @Override
        public PyType type() {
            return ENTRY_TYPE;
        }
    }

    private static final ArgParser FOLLOW = ArgParser.of("is_dir", 0, 0, "*", "follow_symlinks");

    static boolean follow(PyObject[] args, PyTuple kw) {
        PyObject[] a = FOLLOW.parse(args, kw);
        return a[0] == null || Ops.isTrue(a[0]);
    }

    private static PyObject closeAndStop(ScandirIterator s) {
        s.close();
        return null;
    }

    static {
        TYPE.iter = RefCount::newRef;
        TYPE.next = self -> {
            ScandirIterator s = (ScandirIterator) self;
            if (s.it == null) return null;
            if (!s.it.hasNext()) return closeAndStop(s);
            Path p = s.it.next();
            String n = p.getFileName().toString();
            String full = s.base.endsWith("/") ? s.base + n : s.base + "/" + n;
            return new Entry(n, full, p);
        };
        PyMethodDescr.define(TYPE, "close", (Fn.F0) self -> {
            ((ScandirIterator) self).close();
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "__enter__", (Fn.F0) RefCount::newRef);
        PyMethodDescr.define(TYPE, "__exit__", (Fn.FV) (self, args, kw) -> {
            ((ScandirIterator) self).close();
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "__next__", (Fn.F0) self -> {
            PyObject r = TYPE.next.next(self);
            if (r == null) throw Errors.stopIteration();
            return r;
        });
        PyMethodDescr.define(TYPE, "__iter__", (Fn.F0) RefCount::newRef);

        ENTRY_TYPE.repr = self -> PyStr.of("<DirEntry " + dev.gilt.stdlib.util.Args.reprString(((Entry) self).name) + ">");
        Prop.define(ENTRY_TYPE, "name", self -> PyStr.of(((Entry) self).name));
        Prop.define(ENTRY_TYPE, "path", self -> PyStr.of(((Entry) self).path));
        PyMethodDescr.define(ENTRY_TYPE, "is_dir", (Fn.FV) (self, args, kw) -> {
            Entry e = (Entry) self;
            return PyBool.of(follow(args, kw) ? Files.isDirectory(e.file) : Files.isDirectory(e.file, LinkOption.NOFOLLOW_LINKS));
        });
        PyMethodDescr.define(ENTRY_TYPE, "is_file", (Fn.FV) (self, args, kw) -> {
            Entry e = (Entry) self;
            return PyBool.of(follow(args, kw) ? Files.isRegularFile(e.file)
                    : Files.isRegularFile(e.file, LinkOption.NOFOLLOW_LINKS));
        });
        PyMethodDescr.define(ENTRY_TYPE, "is_symlink", (Fn.F0) self -> PyBool.of(Files.isSymbolicLink(((Entry) self).file)));
        PyMethodDescr.define(ENTRY_TYPE, "is_junction", (Fn.F0) self -> PyBool.FALSE);
        PyMethodDescr.define(ENTRY_TYPE, "stat", (Fn.FV) (self, args, kw) -> {
            Entry e = (Entry) self;
            boolean f = follow(args, kw);
            return PosixModule.io(e.path, () -> PosixModule.statResult(e.file, f));
        });
        PyMethodDescr.define(ENTRY_TYPE, "inode", (Fn.F0) self -> {
            Entry e = (Entry) self;
            return PosixModule.io(e.path, () -> PyInt.of(((Number) Files.getAttribute(e.file, "unix:ino",
                    LinkOption.NOFOLLOW_LINKS)).longValue()));
        });
        PyMethodDescr.define(ENTRY_TYPE, "__fspath__", (Fn.F0) self -> PyStr.of(((Entry) self).path));
    }
}
