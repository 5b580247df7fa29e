package dev.gilt.stdlib.io;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import dev.gilt.stdlib.util.Cwd;
import dev.gilt.stdlib.util.OsErr;
import dev.gilt.stdlib.util.Prop;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/** {@code _io.FileIO}: unbuffered binary access to a file descriptor. */
public final class PyFileIO extends PyIOBase implements BinaryLayer {
    public static final PyType TYPE = Attr.install(PyType.builtin("FileIO", PyFileIO.class, RAW), "_io");

    RawStream raw;
    final int fd;
    /** The name attribute (a str path or the int descriptor); owned. */
    PyObject name;
    final boolean readable, writable, appending, created;
    final boolean closefd;

    private PyFileIO(RawStream raw, int fd, PyObject name, boolean readable, boolean writable, boolean appending,
            boolean created, boolean closefd) {
        this.raw = raw;
        this.fd = fd;
        this.name = RefCount.newRef(name);
        this.readable = readable;
        this.writable = writable;
        this.appending = appending;
        this.created = created;
        this.closefd = closefd;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** FileIO's mode string as CPython reports it: 'rb', 'wb', 'ab', 'xb', 'rb+', ... */
    String mode() {
        if (created) return readable ? "xb+" : "xb";
        if (appending) return readable ? "ab+" : "ab";
        if (readable && writable) return "rb+";
        return readable ? "rb" : "wb";
    }

    /**
     * Opens {@code file} (a path or an int descriptor) with a mode made of r/w/a/x and '+'.
     * Raises the errno-specific OSError with the name as the user gave it.
     */
    public static PyFileIO open(PyObject file, String mode, boolean closefd) {
        boolean r = false, w = false, a = false, x = false, plus = false;
        for (char c : mode.toCharArray()) {
            switch (c) {
                case 'r' -> r = true;
                case 'w' -> w = true;
                case 'a' -> a = true;
                case 'x' -> x = true;
                case '+' -> plus = true;
                case 'b' -> { }
                default -> throw Errors.valueError("invalid mode: %s", mode);
            }
        }
        boolean readable = r || plus, writable = w || a || x || plus;
        if (Args.isIndex(file) && !(file instanceof PyBool)) {
            int fd = Args.asInt(file);
            if (fd < 0) throw Errors.valueError("negative file descriptor");
            RawStream s = FdTable.get(fd);
            if (s == null) throw OsErr.error(OsErr.EBADF, null);
            return new PyFileIO(s, fd, file, readable, writable, a, x, closefd);
        }
        if (!closefd) throw Errors.valueError("Cannot use closefd=False with file name");
        String name = Cwd.fspath(file, null, null);
        if (name.indexOf('\0') >= 0) throw Errors.valueError("embedded null byte");
        Path p = Cwd.resolve(name);
        Set<OpenOption> opts = new java.util.HashSet<>();
        if (readable) opts.add(StandardOpenOption.READ);
        if (writable) opts.add(StandardOpenOption.WRITE);
        if (w) {
            opts.add(StandardOpenOption.CREATE);
            opts.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if (a) opts.add(StandardOpenOption.CREATE);
        if (x) opts.add(StandardOpenOption.CREATE_NEW);
        if (Files.isDirectory(p)) throw OsErr.error(OsErr.EISDIR, name);
        FileChannel ch;
        try {
            ch = FileChannel.open(p, opts);
        } catch (IOException e) {
            int errno = OsErr.errnoOf(e);
            if (errno == OsErr.ENOENT && p.getParent() != null && Files.exists(p.getParent())
                    && !Files.isDirectory(p.getParent())) {
                errno = OsErr.ENOTDIR;
            }
            throw OsErr.error(errno, name);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw Errors.valueError("invalid mode: %s", mode);
        }
        RawStream.Channel rc = new RawStream.Channel(ch, p);
        if (a) {
            try {
                rc.seek(0, 2);
            } catch (IOException e) {
                throw OsErr.from(e, name);
            }
        }
        int fd = FdTable.add(rc);
        PyFileIO f = new PyFileIO(rc, fd, file, readable, writable, a, x, true);
        IoModule.track(f);
        return f;
    }

    /** The FileIO object for a standard descriptor (0, 1, 2). */
    static PyFileIO std(int fd, String name) {
        PyStr n = PyStr.of(name);
        PyFileIO f = new PyFileIO(FdTable.get(fd), fd, n, fd == 0, fd != 0, false, false, false);
        RefCount.decref(n);
        return f;
    }

    String nameForError() {
        return name instanceof PyStr s ? s.value : null;
    }

    PyException ioError(IOException e) {
        return OsErr.from(e, null);
    }

    // ---- BinaryLayer ------------------------------------------------------------------------

    @Override
    public int readInto(byte[] b, int off, int len) {
        checkClosed();
        if (!readable) throw unsupported("File not open for reading");
        try {
            return IoLock.io(() -> raw.read(b, off, len)); // the GIL is released meanwhile
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    @Override
    public void writeBytes(byte[] b, int off, int len) {
        checkClosed();
        if (!writable) throw unsupported("File not open for writing");
        try {
            if (appending && raw.seekable()) raw.seek(0, 2);
            IoLock.io(() -> {
                raw.write(b, off, len);
                return len;
            });
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    @Override
    public void flushBytes() {
        if (isClosed()) return;
        try {
            raw.flush();
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    @Override
    public long seekBytes(long pos, int whence) {
        checkClosed();
        if (whence < 0 || whence > 2) throw Errors.valueError("invalid whence (%d, should be 0, 1 or 2)", whence);
        try {
            return raw.seek(pos, whence);
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    @Override
    public long tellBytes() {
        checkClosed();
        try {
            return raw.tell();
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    @Override
    public void truncateBytes(long size) {
        checkClosed();
        if (!writable) throw unsupported("File not open for writing");
        try {
            raw.truncate(size);
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    @Override
    public boolean layerReadable() {
        return readable;
    }

    @Override
    public boolean layerWritable() {
        return writable;
    }

    @Override
    public boolean layerSeekable() {
        return raw.seekable();
    }

    /** All remaining bytes. */
    byte[] readAllBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int n;
        while ((n = readInto(buf, 0, buf.length)) > 0) out.write(buf, 0, n);
        return out.toByteArray();
    }

    // ---- PyIOBase ---------------------------------------------------------------------------

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            if (closefd && fd > 2) {
                FdTable.remove(fd);
                raw.close();
            } else {
                raw.flush();
            }
        } catch (IOException e) {
            throw ioError(e);
        } finally {
            IoModule.untrack(this);
        }
    }

    @Override
    public boolean readable() {
        checkClosed();
        return readable;
    }

    @Override
    public boolean writable() {
        checkClosed();
        return writable;
    }

    @Override
    public boolean seekable() {
        checkClosed();
        return raw.seekable();
    }

    @Override
    public boolean isatty() {
        checkClosed();
        return raw.isatty();
    }

    @Override
    public int fileno() {
        checkClosed();
        return fd;
    }

    @Override
    public PyObject readline(long limit) {
        checkClosed();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] one = new byte[1];
        while (limit < 0 || out.size() < limit) {
            int n = readInto(one, 0, 1);
            if (n <= 0) break;
            out.write(one[0]);
            if (one[0] == '\n') break;
        }
        return PyBytes.of(out.toByteArray());
    }

    @Override
    public PyObject write(PyObject data) {
        byte[] b = Args.asBytes(data, "a bytes-like object is required, not");
        writeBytes(b, 0, b.length);
        return PyInt.of(b.length);
    }

    @Override
    protected boolean isEmpty(PyObject line) {
        return ((PyBytes) line).value.length == 0;
    }

    @Override
    protected long lengthOf(PyObject line) {
        return ((PyBytes) line).value.length;
    }

    @Override
    public void traverse(Visitor v) {
        if (name != null) v.visit(name);
    }

    @Override
    public void releaseReferences() {
        super.releaseReferences();
        PyObject n = name;
        name = null;
        RefCount.xdecref(n);
    }

    String repr() {
        if (closed) return "<_io.FileIO [closed]>";
        return "<_io.FileIO name=" + Args.repr(name) + " mode='" + mode() + "' closefd="
                + (closefd ? "True" : "False") + ">";
    }

    // ---- Python methods -----------------------------------------------------------------------

    private static final ArgParser NEW = ArgParser.of("FileIO", 1, 0, "file", "mode", "closefd", "opener");
    private static final ArgParser READ = ArgParser.of("read", 0, 1, "size");
    private static final ArgParser SEEK = ArgParser.of("seek", 1, 2, "pos", "whence");
    private static final ArgParser TRUNCATE = ArgParser.of("truncate", 0, 1, "size");

    static {
        TYPE.repr = self -> PyStr.of(((PyFileIO) self).repr());
        TYPE.newInstance = (type, args, kw) -> {
            PyObject[] a = NEW.parse(args, kw);
            String mode = a[1] == null ? "r" : Args.asStr(a[1], "FileIO() argument 'mode'");
            return open(a[0], mode, a[2] == null || Ops.isTrue(a[2]));
        };
        TYPE.init = (self, args, kw) -> { };
        PyMethodDescr.define(TYPE, "read", (Fn.FV) (self, args, kw) -> {
            PyFileIO f = (PyFileIO) self;
            long n = sizeArg(READ.parse(args, kw)[0]);
            if (n < 0) return PyBytes.of(f.readAllBytes());
            byte[] buf = new byte[(int) Math.min(n, Integer.MAX_VALUE - 8)];
            int got = f.readInto(buf, 0, buf.length);
            if (got <= 0) return PyBytes.of(new byte[0]);
            return PyBytes.of(java.util.Arrays.copyOf(buf, got));
        });
        PyMethodDescr.define(TYPE, "readall", (Fn.F0) self -> PyBytes.of(((PyFileIO) self).readAllBytes()));
        PyMethodDescr.define(TYPE, "write", (Fn.F1) (self, b) -> ((PyFileIO) self).write(b));
        PyMethodDescr.define(TYPE, "seek", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = SEEK.parse(args, kw);
            return PyInt.of(((PyFileIO) self).seekBytes(Args.asLong(a[0]), a[1] == null ? 0 : Args.asInt(a[1])));
        });
        PyMethodDescr.define(TYPE, "tell", (Fn.F0) self -> PyInt.of(((PyFileIO) self).tellBytes()));
        PyMethodDescr.define(TYPE, "truncate", (Fn.FV) (self, args, kw) -> {
            PyFileIO f = (PyFileIO) self;
            PyObject[] a = TRUNCATE.parse(args, kw);
            long size = Args.isNone(a[0]) ? f.tellBytes() : Args.asLong(a[0]);
            f.truncateBytes(size);
            return PyInt.of(size);
        });
        Prop.define(TYPE, "name", self -> RefCount.newRef(((PyFileIO) self).name));
        Prop.define(TYPE, "mode", self -> PyStr.of(((PyFileIO) self).mode()));
        Prop.define(TYPE, "closefd", self -> PyBool.of(((PyFileIO) self).closefd));
    }
}
