package dev.gilt.stdlib.io;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import dev.gilt.stdlib.util.Iter;
import dev.gilt.stdlib.util.Prop;

/**
 * The root of the I/O stack ({@code _io._IOBase}) and the abstract Python types of its three
 * layers: raw ({@code _RawIOBase}), buffered ({@code _BufferedIOBase}) and text
 * ({@code _TextIOBase}). The methods every file has (close, context manager, iteration,
 * readlines, writelines...) are defined once here on {@code _IOBase} and reach the concrete
 * class through Java virtual calls.
 *
 * <p>Files are not thread-safe beyond what the GIL gives (as CPython's buffered objects without
 * their lock); the threads issue adds per-object locking for free-threaded mode.
 */
public abstract class PyIOBase extends PyGcObject {
    /** Created with its slots filled before the subtypes below copy them. */
    public static final PyType IOBASE = base();
    public static final PyType RAW = Attr.install(PyType.builtin("_RawIOBase", PyIOBase.class, IOBASE), "_io");
    public static final PyType BUFFERED = Attr.install(PyType.builtin("_BufferedIOBase", PyIOBase.class, IOBASE), "_io");
    public static final PyType TEXT = Attr.install(PyType.builtin("_TextIOBase", PyIOBase.class, IOBASE), "_io");

    /** {@code io.UnsupportedOperation(OSError, ValueError)}. */
    public static final PyType UNSUPPORTED;

    static {
        PyType u = PyType.builtin("UnsupportedOperation", PyBaseException.class, PyExc.OSError);
        u.flags |= PyType.EXCEPTION | PyType.HAS_DICT;
        u.bases = new PyType[] {PyExc.OSError, PyExc.ValueError};
        u.mro = new PyType[] {u, PyExc.OSError, PyExc.ValueError, PyExc.Exception, PyExc.BaseException, PyType.OBJECT};
        PyExc.ValueError.addSubclass(u);
        u.define("__module__", dev.gilt.runtime.object.PyStr.intern("io"));
        UNSUPPORTED = u;
        defineCommon();
    }

    /** True once close() ran. */
    protected boolean closed;

    /** The Python type of this object. */
    @Override
    public abstract PyType type();

    /** Whether the object is closed (a text file asks its buffer). */
    public boolean isClosed() {
        return closed;
    }

    /** ValueError("I/O operation on closed file.") if closed. */
    protected void checkClosed() {
        if (isClosed()) throw Errors.valueError("I/O operation on closed file.");
    }

    /** Flushes and releases the OS resource; idempotent. */
    public abstract void close();

    public void flush() {
        checkClosed();
    }

    public boolean readable() {
        checkClosed();
        return false;
    }

    public boolean writable() {
        checkClosed();
        return false;
    }

    public boolean seekable() {
        checkClosed();
        return false;
    }

    public boolean isatty() {
        checkClosed();
        return false;
    }

    public int fileno() {
        throw unsupported("fileno");
    }

    /** One line (str for text files, bytes otherwise), empty at end of file; a new reference. */
    public abstract PyObject readline(long limit);

    /** Writes one item (str or bytes) and returns the count as a new reference. */
    public abstract PyObject write(PyObject data);

    /** True if {@code line} (as returned by readline) is empty. */
    protected abstract boolean isEmpty(PyObject line);

    /** Length of a line for readlines' hint. */
    protected abstract long lengthOf(PyObject line);

    public static PyException unsupported(String what) {
        return Errors.of(UNSUPPORTED, what);
    }

    /** Called on death (refcount zero or cycle collection): a file object closes itself. */
    @Override
    public void releaseReferences() {
        try {
            if (!isClosed()) close();
        } catch (PyException e) {
            RefCount.decref(e.exc);
        } catch (RuntimeException e) {
            // a dying file must not take the process down
        }
    }

    // ---- the methods of _IOBase ------------------------------------------------------------

    private static final ArgParser READLINE = ArgParser.of("readline", 0, 1, "size");
    private static final ArgParser READLINES = ArgParser.of("readlines", 0, 1, "hint");

    static long sizeArg(PyObject o) {
        if (o == null || o == PyNone.NONE) return -1;
        return Args.asLong(o);
    }

    private static PyType base() {
        PyType t = Attr.install(PyType.builtin("_IOBase", PyIOBase.class), "_io");
        t.iter = self -> {
            ((PyIOBase) self).checkClosed();
            return RefCount.newRef(self);
        };
        t.next = self -> {
            PyIOBase f = (PyIOBase) self;
            PyObject line = f.readline(-1);
            if (f.isEmpty(line)) {
                RefCount.decref(line);
                return null;
            }
            return line;
        };
        return t;
    }

    private static void defineCommon() {
        PyType t = IOBASE;
        PyMethodDescr.define(t, "close", (Fn.F0) self -> {
            ((PyIOBase) self).close();
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "flush", (Fn.F0) self -> {
            ((PyIOBase) self).flush();
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "readable", (Fn.F0) self -> PyBool.of(((PyIOBase) self).readable()));
        PyMethodDescr.define(t, "writable", (Fn.F0) self -> PyBool.of(((PyIOBase) self).writable()));
        PyMethodDescr.define(t, "seekable", (Fn.F0) self -> PyBool.of(((PyIOBase) self).seekable()));
        PyMethodDescr.define(t, "isatty", (Fn.F0) self -> PyBool.of(((PyIOBase) self).isatty()));
        PyMethodDescr.define(t, "fileno", (Fn.F0) self -> dev.gilt.runtime.object.PyInt.of(((PyIOBase) self).fileno()));
        PyMethodDescr.define(t, "readline", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = READLINE.parse(args, kw);
            return ((PyIOBase) self).readline(sizeArg(a[0]));
        });
        PyMethodDescr.define(t, "readlines", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = READLINES.parse(args, kw);
            return ((PyIOBase) self).readlines(sizeArg(a[0]));
        });
        PyMethodDescr.define(t, "writelines", (Fn.F1) (self, lines) -> {
            PyIOBase f = (PyIOBase) self;
            f.checkClosed();
            try (Iter it = Iter.of(lines)) {
                PyObject x;
                while ((x = it.next()) != null) {
                    try {
                        RefCount.decref(f.write(x));
                    } finally {
                        RefCount.decref(x);
                    }
                }
            }
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "__enter__", (Fn.F0) self -> {
            ((PyIOBase) self).checkClosed();
            return RefCount.newRef(self);
        });
        PyMethodDescr.define(t, "__exit__", (Fn.FV) (self, args, kw) -> {
            ((PyIOBase) self).close();
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "__iter__", (Fn.F0) self -> IOBASE.iter.apply(self));
        PyMethodDescr.define(t, "__next__", (Fn.F0) self -> {
            PyObject r = IOBASE.next.next(self);
            if (r == null) throw Errors.stopIteration();
            return r;
        });
        Prop.define(t, "closed", self -> PyBool.of(((PyIOBase) self).isClosed()));
    }

    /** readlines(hint): lines until the total length reaches hint (all when hint &lt;= 0). */
    public PyObject readlines(long hint) {
        checkClosed();
        PyList out = new PyList();
        long total = 0;
        while (true) {
            PyObject line = readline(-1);
            if (isEmpty(line)) {
                RefCount.decref(line);
                break;
            }
            total += lengthOf(line);
            out.appendSteal(line);
            if (hint > 0 && total >= hint) break;
        }
        return out;
    }
}
