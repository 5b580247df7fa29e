package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.text.BytesMethods;
import dev.gilt.runtime.object.text.PercentFormat;
import dev.gilt.runtime.object.text.Slices;
import dev.gilt.runtime.object.text.StrRepr;
import dev.gilt.runtime.ops.Ops;
import java.util.Arrays;

/**
 * {@code bytearray}: a mutable byte string ({@link #buf} holds {@link #size} bytes, with spare
 * capacity). As in CPython, {@code bytearray(...)} creates an empty object and {@code __init__}
 * (the {@code init} slot) fills it. Unhashable. The methods shared with bytes live in
 * {@link BytesMethods}.
 *
 * <p>Free-threaded mode (GIL off, several threads): the resizing mutations ({@link #append},
 * splices, re-initialisation) hold the object's monitor and re-check their bounds under it, so
 * concurrent appends are never lost and never throw; the array only grows while it is shared
 * ({@code buf.length >= size} for any reader). Element stores and the byte-string methods read
 * without a lock and may see a concurrent change half done (bytes hold no references, so nothing
 * can be freed under them).
 */
public class PyByteArray extends PyObject {
    public static final PyType TYPE = PyType.builtin("bytearray", PyByteArray.class);

    public byte[] buf;
    public int size;

    public PyByteArray() {
        this.buf = new byte[0];
    }

    /** A new bytearray holding a copy of {@code b}. */
    public static PyByteArray of(byte[] b) {
        PyByteArray a = new PyByteArray();
        a.set(b, b.length);
        return a;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The contents as a new array. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void set(byte[] b, int n) {
        if (!dev.gilt.runtime.Config.GIL_ENABLED && dev.gilt.runtime.thread.FreeThreading.shared) {
            synchronized (this) {
                // Shrink the size before the array, grow the array before the size.
                if (n < size) size = n;
                buf = Arrays.copyOf(b, Math.max(n, buf.length));
                System.arraycopy(b, 0, buf, 0, n);
                size = n;
            }
            return;
        }
        buf = Arrays.copyOf(b, n);
        size = n;
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) buf = Arrays.copyOf(buf, Math.max(capacity, buf.length + (buf.length >> 1) + 8));
    }

    /** Replaces bytes [start, end) with {@code b} (any length). */
    private void splice(int start, int end, byte[] b) {
        if (!dev.gilt.runtime.Config.GIL_ENABLED && dev.gilt.runtime.thread.FreeThreading.shared) {
            synchronized (this) {
                // Bounds computed before another thread shrank the array: clamp, never throw.
                int e = Math.min(end, size), st = Math.min(start, e);
                spliceUnshared(st, e, b);
            }
            return;
        }
        spliceUnshared(start, end, b);
    }

    private void spliceUnshared(int start, int end, byte[] b) {
        int newSize = size - (end - start) + b.length;
        ensure(newSize);
        System.arraycopy(buf, end, buf, start + b.length, size - end);
        System.arraycopy(b, 0, buf, start, b.length);
        size = newSize;
    }

    public void append(int v) {
        if (!dev.gilt.runtime.Config.GIL_ENABLED && dev.gilt.runtime.thread.FreeThreading.shared) {
            synchronized (this) {
                ensure(size + 1);
                buf[size] = (byte) v;
                size++;
            }
            return;
        }
        ensure(size + 1);
        buf[size++] = (byte) v;
    }

    /** An instance of a Python subclass of bytearray. */
    public static final class Derived extends PyByteArray implements HasDict {
        private final InstanceState st;

        public Derived(PyType type) {
            this.st = new InstanceState(type);
        }

        @Override
        public PyType type() {
            return st.type;
        }

        @Override
        public PyDict getDict(boolean create) {
            return st.getDict(create);
        }

        @Override
        public void setDict(PyDict d) {
            st.setDict(d);
        }

        @Override
        public PyObject[] slotValues() {
            return st.slots;
        }

        @Override
        public void traverse(Visitor v) {
            st.traverse(v);
        }

        @Override
        public void releaseReferences() {
            st.release();
        }
    }

    // ---- slots ----------------------------------------------------------------------------

    private static PyByteArray self(PyObject o) {
        return (PyByteArray) o;
    }

    private static int byteValue(PyObject v) {
        long x = PyInt.asIndex(v);
        if (x < 0 || x > 255) throw Errors.valueError("byte must be in range(0, 256)");
        return (int) x;
    }

    /** The bytes assigned to a slice: bytes-like or an iterable of ints. */
    private static byte[] assignedBytes(PyObject v) {
        if (v instanceof PyBytes || v instanceof PyByteArray) return BytesMethods.bytesLike(v);
        if (v instanceof PyInt || v instanceof PyStr) {
            throw Errors.typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        }
        return PyBytes.fromIterable(v, "byte must be in range(0, 256)");
    }

    static void setItem(PyObject o, PyObject key, PyObject value) {
        PyByteArray a = self(o);
        if (Slices.isSlice(key)) {
            long[] r = Slices.indices(key, a.size);
            int start = (int) r[0], step = (int) r[2], len = (int) r[3];
            if (value == null) {
                deleteSlice(a, start, step, len);
                return;
            }
            byte[] b = assignedBytes(value);
            if (step == 1) {
                int stop = Math.max(start, (int) r[1]);
                a.splice(start, stop, b);
                return;
            }
            if (b.length != len) {
                throw Errors.valueError("attempt to assign bytes of size %d to extended slice of size %d", b.length, len);
            }
            for (int k = 0; k < len; k++) a.buf[start + k * step] = b[k];
            return;
        }
        if (!(key instanceof PyInt) && key.type().index == null) {
            throw Errors.typeError("bytearray indices must be integers or slices, not %s", key.type().name());
        }
        long i = PyInt.asIndex(key, dev.gilt.runtime.error.PyExc.IndexError);
        if (i < 0) i += a.size;
        if (i < 0 || i >= a.size) throw Errors.indexError("bytearray index out of range");
        if (value == null) {
            a.splice((int) i, (int) i + 1, new byte[0]);
        } else {
            a.buf[(int) i] = (byte) byteValue(value);
        }
    }

    private static void deleteSlice(PyByteArray a, int start, int step, int len) {
        if (len <= 0) return;
        if (step < 0) {
            start = start + (len - 1) * step;
            step = -step;
        }
        if (step == 1) {
            a.splice(start, start + len, new byte[0]);
            return;
        }
        int w = start;
        for (int i = start, k = 0; i < a.size; i++) {
            if (k < len && i == start + k * step) {
                k++;
                continue;
            }
            a.buf[w++] = a.buf[i];
        }
        a.size = w;
    }

    private static final ArgParser INIT_ARGS = ArgParser.of("bytearray", 0, 0, "source", "encoding", "errors");

    static {
        TYPE.repr = o -> {
            PyByteArray a = self(o);
            String name = o.type().name();
            return PyStr.of(name + "(" + StrRepr.bytesRepr(a.buf, 0, a.size, true) + ")");
        };
        TYPE.str = TYPE.repr;
        TYPE.hash = null; // mutable: unhashable (the type system then sets __hash__ = None)
        TYPE.richcompare = PyBytes::richCompare;
        TYPE.len = o -> self(o).size;
        TYPE.contains = (o, item) -> PyBytes.contains(self(o).buf, self(o).size, item);
        TYPE.getitem = (o, key) -> {
            PyObject r = PyBytes.getItem(self(o).buf, self(o).size, key, "bytearray index out of range", PyByteArray::of);
            if (r == null) throw Errors.typeError("bytearray indices must be integers or slices, not %s", key.type().name());
            return r;
        };
        TYPE.setitem = PyByteArray::setItem;
        TYPE.iter = o -> new PyBytes.BytesIterator(o, PyBytes.BytesIterator.BYTEARRAY);
        TYPE.newInstance = (type, args, kw) -> type == TYPE ? new PyByteArray() : new Derived(type);
        TYPE.init = (o, args, kw) -> {
            PyInt.checkKeywords("bytearray", kw, "source", "encoding", "errors");
            byte[] b = PyBytes.construct(INIT_ARGS.parse(args, kw));
            self(o).set(b, b.length);
        };
        TYPE.nb[Ops.NB_ADD] = (a, b) -> {
            if (!(a instanceof PyByteArray pa)) return PyNotImplemented.NOT_IMPLEMENTED;
            if (!(b instanceof PyBytes || b instanceof PyByteArray)) {
                throw Errors.typeError("can't concat %s to bytearray", b.type().name());
            }
            byte[] y = BytesMethods.bytesLike(b);
            PyByteArray r = of(pa.toByteArray());
            r.splice(r.size, r.size, y);
            return r;
        };
        TYPE.nbInplace[Ops.NB_ADD] = (a, b) -> {
            if (!(b instanceof PyBytes || b instanceof PyByteArray)) {
                throw Errors.typeError("can't concat %s to bytearray", b.type().name());
            }
            PyByteArray pa = self(a);
            pa.splice(pa.size, pa.size, BytesMethods.bytesLike(b));
            return RefCount.newRef(a);
        };
        TYPE.nb[Ops.NB_MULTIPLY] = (a, b) -> {
            if (a instanceof PyByteArray pa && (b instanceof PyInt || b.type().index != null)) {
                return of(PyBytes.repeatBytes(pa.buf, pa.size, b));
            }
            if (b instanceof PyByteArray pb && (a instanceof PyInt || a.type().index != null)) {
                return of(PyBytes.repeatBytes(pb.buf, pb.size, a));
            }
            if (!(a instanceof PyByteArray) && PyStr.isSequence(a)) return PyNotImplemented.NOT_IMPLEMENTED;
            PyObject other = a instanceof PyByteArray ? b : a;
            throw Errors.typeError("can't multiply sequence by non-int of type '%s'", other.type().name());
        };
        TYPE.nbInplace[Ops.NB_MULTIPLY] = (a, b) -> {
            if (!(b instanceof PyInt) && b.type().index == null) {
                throw Errors.typeError("can't multiply sequence by non-int of type '%s'", b.type().name());
            }
            PyByteArray pa = self(a);
            byte[] r = PyBytes.repeatBytes(pa.buf, pa.size, b);
            pa.set(r, r.length);
            return RefCount.newRef(a);
        };
        TYPE.nb[Ops.NB_REMAINDER] = (a, b) -> {
            if (!(a instanceof PyByteArray pa)) return PyNotImplemented.NOT_IMPLEMENTED;
            return of(PercentFormat.formatBytes(pa.buf, pa.size, b));
        };
        BytesMethods.install(TYPE);
        PyMethodDescr.define(TYPE, "append", (Fn.F1) (o, v) -> {
            self(o).append(byteValue(v));
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "extend", (Fn.F1) (o, it) -> {
            PyByteArray a = self(o);
            byte[] b = it instanceof PyBytes || it instanceof PyByteArray ? BytesMethods.bytesLike(it)
                    : extendable(it);
            a.splice(a.size, a.size, b);
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "pop", (Fn.FV) (o, args, kw) -> {
            if (kw != null && kw.size() > 0) throw Errors.typeError("pop() takes no keyword arguments");
            if (args.length > 1) throw Errors.typeError("pop expected at most 1 argument, got %d", args.length);
            PyByteArray a = self(o);
            if (a.size == 0) throw Errors.indexError("pop from empty bytearray");
            long i = args.length == 0 ? -1 : PyInt.asIndex(args[0]);
            if (i < 0) i += a.size;
            if (i < 0 || i >= a.size) throw Errors.indexError("pop index out of range");
            int v = a.buf[(int) i] & 0xff;
            a.splice((int) i, (int) i + 1, new byte[0]);
            return PyInt.of(v);
        });
        PyMethodDescr.define(TYPE, "insert", (Fn.F2) (o, index, v) -> {
            PyByteArray a = self(o);
            long i = PyInt.asIndex(index);
            int b = byteValue(v);
            if (i < 0) i = Math.max(0, i + a.size);
            if (i > a.size) i = a.size;
            a.splice((int) i, (int) i, new byte[] {(byte) b});
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "remove", (Fn.F1) (o, v) -> {
            PyByteArray a = self(o);
            int b = byteValue(v);
            for (int i = 0; i < a.size; i++) {
                if ((a.buf[i] & 0xff) == b) {
                    a.splice(i, i + 1, new byte[0]);
                    return PyNone.NONE;
                }
            }
            throw Errors.valueError("value not found in bytearray");
        });
        PyMethodDescr.define(TYPE, "clear", (Fn.F0) o -> {
            self(o).size = 0;
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "reverse", (Fn.F0) o -> {
            PyByteArray a = self(o);
            for (int i = 0, j = a.size - 1; i < j; i++, j--) {
                byte t = a.buf[i];
                a.buf[i] = a.buf[j];
                a.buf[j] = t;
            }
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "copy", (Fn.F0) o -> of(self(o).toByteArray()));
        PyMethodDescr.define(TYPE, "__alloc__", (Fn.F0) o -> PyInt.of(self(o).buf.length + 1));
    }

    private static byte[] extendable(PyObject it) {
        if (it instanceof PyStr) throw Errors.typeError("'str' object cannot be interpreted as an integer");
        if (it.type().iter == null && it.type().getitem == null) {
            throw Errors.typeError("can't extend bytearray with %s", it.type().name());
        }
        return PyBytes.fromIterable(it, "byte must be in range(0, 256)");
    }
}
