package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.text.BytesMethods;
import dev.gilt.runtime.object.text.Codecs;
import dev.gilt.runtime.object.text.PercentFormat;
import dev.gilt.runtime.object.text.Slices;
import dev.gilt.runtime.object.text.StrRepr;
import dev.gilt.runtime.ops.Ops;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * {@code bytes}: an immutable byte string. The methods shared with bytearray live in
 * {@link BytesMethods}. Single-byte and empty bytes objects are cached and immortal (as CPython's
 * characters cache). Instances of Python subclasses are {@link Derived}.
 */
public class PyBytes extends PyObject {
    public static final PyType TYPE = PyType.builtin("bytes", PyBytes.class);

    /** The bytes; never mutated. */
    public final byte[] value;
    private long hash;

    protected PyBytes(byte[] value) {
        this.value = value;
    }

    private static final PyBytes EMPTY = RefCount.immortalize(new PyBytes(new byte[0]));
    private static final PyBytes[] SINGLE = new PyBytes[256];

    static {
        for (int i = 0; i < 256; i++) SINGLE[i] = RefCount.immortalize(new PyBytes(new byte[] {(byte) i}));
    }

    /** A new bytes object holding {@code value} (not copied: the caller must not mutate it). */
    public static PyBytes of(byte[] value) {
        if (value.length == 0) return EMPTY;
        if (value.length == 1 && SINGLE[value[0] & 0xff] != null) return SINGLE[value[0] & 0xff];
        return new PyBytes(value);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return StrRepr.bytesRepr(value, 0, value.length);
    }

    /** hash(bytes): the str hash of the same Latin-1 text, so hash(b'abc') == hash('abc'), as CPython. */
    public long pyHash() {
        long h = hash;
        if (h == 0 && value.length > 0) {
            h = 0xcbf29ce484222325L;
            for (byte b : value) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
            h ^= (h >>> 29);
            if (h == -1 || h == 0) h = -2;
            hash = h;
        }
        return h;
    }

    /** An instance of a Python subclass of bytes. */
    public static final class Derived extends PyBytes implements HasDict {
        private final InstanceState st;

        public Derived(PyType type, byte[] value) {
            super(value);
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

    // ---- conversions --------------------------------------------------------------------------

    /**
     * The bytes of a bytes-like object (not copied for bytes: do not mutate), or of
     * {@code bytes(o)} for anything else bytes() accepts (iterables of ints, __bytes__).
     */
    public static byte[] bytesOf(PyObject o) {
        if (o instanceof PyBytes b) return b.value;
        if (o instanceof PyByteArray a) return Arrays.copyOf(a.buf, a.size);
        return fromObject(o);
    }

    /** bytes(x) for a single argument (CPython's bytes_new without encoding). */
    public static byte[] fromObject(PyObject x) {
        if (x instanceof PyBytes b) return b.value;
        if (x instanceof PyByteArray a) return Arrays.copyOf(a.buf, a.size);
        PyObject m = x.type().lookup("__bytes__");
        if (m != null) {
            PyObject r = PyInt.callDescriptor(m, x);
            try {
                if (!(r instanceof PyBytes rb)) {
                    throw Errors.typeError("__bytes__ returned non-bytes (type %s)", r.type().name());
                }
                return rb.value;
            } finally {
                RefCount.decref(r);
            }
        }
        if (x instanceof PyStr) throw Errors.typeError("string argument without an encoding");
        if (x instanceof PyInt || x.type().index != null) {
            long n = PyInt.asIndex(x);
            if (n < 0) throw Errors.valueError("negative count");
            if (n > Integer.MAX_VALUE - 16) throw Errors.of(PyExc.MemoryError);
            return new byte[(int) n];
        }
        return fromIterable(x, "bytes must be in range(0, 256)");
    }

    /** The bytes of an iterable of ints in range(256). */
    static byte[] fromIterable(PyObject x, String rangeMessage) {
        PyObject it;
        try {
            it = Ops.iter(x);
        } catch (PyException e) {
            if (e.matches(PyExc.TypeError) && x.type().iter == null && x.type().getitem == null) {
                RefCount.decref(e.exc);
                throw Errors.typeError("cannot convert '%s' object to bytes", x.type().name());
            }
            throw e;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PyObject item;
            while ((item = Ops.next(it)) != null) {
                try {
                    long v = PyInt.asIndex(item);
                    if (v < 0 || v > 255) throw Errors.valueError(rangeMessage);
                    out.write((int) v);
                } finally {
                    RefCount.decref(item);
                }
            }
        } finally {
            RefCount.decref(it);
        }
        return out.toByteArray();
    }

    private static final ArgParser NEW_ARGS = ArgParser.of("bytes", 0, 0, "source", "encoding", "errors");

    /** The bytes for bytes(source, encoding, errors) / bytearray(...). */
    static byte[] construct(PyObject[] a) {
        PyObject src = a[0];
        if (src == null) {
            if (a[1] != null || a[2] != null) {
                throw Errors.typeError(a[1] != null ? "encoding without a string argument" : "errors without a string argument");
            }
            return new byte[0];
        }
        if (a[1] != null || a[2] != null) {
            if (!(src instanceof PyStr s)) {
                throw Errors.typeError(a[1] != null ? "encoding without a string argument" : "errors without a string argument");
            }
            if (a[1] == null) throw Errors.typeError("string argument without an encoding");
            String enc = PyStr.argString(a[1], "bytes", "encoding");
            String err = a[2] == null ? "strict" : PyStr.argString(a[2], "bytes", "errors");
            return Codecs.encode(s.value, enc, err);
        }
        return fromObject(src);
    }

    static PyObject newBytes(PyType type, PyObject[] args, PyTuple kwnames) {
        PyInt.checkKeywords("bytes", kwnames, "source", "encoding", "errors");
        PyObject[] a = NEW_ARGS.parse(args, kwnames);
        if (type == TYPE && a[0] != null && a[1] == null && a[2] == null && a[0].getClass() == PyBytes.class) {
            return RefCount.newRef(a[0]);
        }
        byte[] b = construct(a);
        return type == TYPE ? of(b) : new Derived(type, b);
    }

    // ---- slots ----------------------------------------------------------------------------

    private static byte[] v(PyObject o) {
        return ((PyBytes) o).value;
    }

    /** Sign of the lexicographic (unsigned) comparison of two byte ranges. */
    public static int compare(byte[] a, int na, byte[] b, int nb) {
        return Arrays.compareUnsigned(a, 0, na, b, 0, nb);
    }

    /** Rich comparison for bytes and bytearray against bytes-like values. */
    public static PyObject richCompare(PyObject a, PyObject b, int op) {
        if (!(b instanceof PyBytes || b instanceof PyByteArray)) return PyNotImplemented.NOT_IMPLEMENTED;
        byte[] x = a instanceof PyBytes pa ? pa.value : ((PyByteArray) a).buf;
        int nx = a instanceof PyBytes ? x.length : ((PyByteArray) a).size;
        byte[] y = b instanceof PyBytes pb ? pb.value : ((PyByteArray) b).buf;
        int ny = b instanceof PyBytes ? y.length : ((PyByteArray) b).size;
        int c = compare(x, nx, y, ny);
        return PyBool.of(switch (op) {
            case Ops.LT -> c < 0;
            case Ops.LE -> c <= 0;
            case Ops.EQ -> c == 0;
            case Ops.NE -> c != 0;
            case Ops.GT -> c > 0;
            default -> c >= 0;
        });
    }

    /** {@code item in data[0:n]}: an int byte value or a bytes-like subsequence. */
    public static boolean contains(byte[] data, int n, PyObject item) {
        if (item instanceof PyBytes || item instanceof PyByteArray) {
            byte[] nd = BytesMethods.bytesLike(item);
            return BytesMethods.indexOf(data, 0, n, nd) >= 0;
        }
        if (!(item instanceof PyInt) && item.type().index == null) {
            throw Errors.typeError("a bytes-like object is required, not '%s'", item.type().name());
        }
        long v = PyInt.asIndex(item);
        if (v < 0 || v > 255) throw Errors.valueError("byte must be in range(0, 256)");
        for (int i = 0; i < n; i++) if ((data[i] & 0xff) == v) return true;
        return false;
    }

    /** data[0:n][key] for an int (an int result) or a slice (bytes via {@code make}). */
    static PyObject getItem(byte[] data, int n, PyObject key, String indexMessage, java.util.function.Function<byte[], PyObject> make) {
        if (Slices.isSlice(key)) {
            long[] r = Slices.indices(key, n);
            long start = r[0], step = r[2], len = r[3];
            if (len <= 0) return make.apply(new byte[0]);
            if (step == 1) return make.apply(Arrays.copyOfRange(data, (int) start, (int) (start + len)));
            byte[] out = new byte[(int) len];
            for (int k = 0; k < len; k++) out[k] = data[(int) (start + k * step)];
            return make.apply(out);
        }
        if (key instanceof PyInt || key.type().index != null) {
            long i = PyInt.asIndex(key, PyExc.IndexError);
            if (i < 0) i += n;
            if (i < 0 || i >= n) throw Errors.indexError(indexMessage);
            return PyInt.of(data[(int) i] & 0xff);
        }
        return null;
    }

    private static byte[] concat(byte[] a, int na, byte[] b, int nb) {
        byte[] out = Arrays.copyOf(a, na + nb);
        System.arraycopy(b, 0, out, na, nb);
        return out;
    }

    static byte[] repeatBytes(byte[] b, int n, PyObject count) {
        long k = PyInt.asIndex(count);
        if (k <= 0 || n == 0) return new byte[0];
        if ((long) n * k > Integer.MAX_VALUE - 16) throw Errors.of(PyExc.MemoryError);
        byte[] out = new byte[(int) (n * k)];
        for (int i = 0; i < k; i++) System.arraycopy(b, 0, out, i * n, n);
        return out;
    }

    static {
        TYPE.repr = o -> PyStr.of(StrRepr.bytesRepr(v(o), 0, v(o).length));
        TYPE.str = TYPE.repr;
        TYPE.hash = o -> ((PyBytes) o).pyHash();
        TYPE.richcompare = PyBytes::richCompare;
        TYPE.len = o -> v(o).length;
        TYPE.contains = (o, item) -> contains(v(o), v(o).length, item);
        TYPE.getitem = (o, key) -> {
            PyObject r = getItem(v(o), v(o).length, key, "index out of range", PyBytes::of);
            if (r == null) throw Errors.typeError("byte indices must be integers or slices, not %s", key.type().name());
            return r;
        };
        TYPE.iter = o -> new BytesIterator(o, BytesIterator.BYTES);
        TYPE.newInstance = PyBytes::newBytes;
        TYPE.nb[Ops.NB_ADD] = (a, b) -> {
            if (!(a instanceof PyBytes pa)) return PyNotImplemented.NOT_IMPLEMENTED;
            if (b instanceof PyBytes || b instanceof PyByteArray) {
                byte[] y = BytesMethods.bytesLike(b);
                if (y.length == 0 && a.getClass() == PyBytes.class) return RefCount.newRef(a);
                return of(concat(pa.value, pa.value.length, y, y.length));
            }
            Slots.Binary sb = b.type().nb[Ops.NB_ADD];
            if (sb != null && sb != TYPE.nb[Ops.NB_ADD]) {
                PyObject r = sb.apply(a, b);
                if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
            }
            throw Errors.typeError("can't concat %s to bytes", b.type().name());
        };
        TYPE.nb[Ops.NB_MULTIPLY] = (a, b) -> {
            if (a instanceof PyBytes pa && (b instanceof PyInt || b.type().index != null)) {
                return of(repeatBytes(pa.value, pa.value.length, b));
            }
            if (b instanceof PyBytes pb && (a instanceof PyInt || a.type().index != null)) {
                return of(repeatBytes(pb.value, pb.value.length, a));
            }
            if (a instanceof PyBytes || b instanceof PyBytes) {
                if (!(a instanceof PyBytes) && PyStr.isSequence(a)) return PyNotImplemented.NOT_IMPLEMENTED;
                PyObject other = a instanceof PyBytes ? b : a;
                throw Errors.typeError("can't multiply sequence by non-int of type '%s'", other.type().name());
            }
            return PyNotImplemented.NOT_IMPLEMENTED;
        };
        TYPE.nb[Ops.NB_REMAINDER] = (a, b) -> {
            if (!(a instanceof PyBytes pa)) return PyNotImplemented.NOT_IMPLEMENTED;
            return of(PercentFormat.formatBytes(pa.value, pa.value.length, b));
        };
        BytesMethods.install(TYPE);
        PyMethodDescr.define(TYPE, "__bytes__", (Fn.F0) o -> o.getClass() == PyBytes.class ? RefCount.newRef(o) : of(v(o)));
        PyMethodDescr.define(TYPE, "__getnewargs__", (Fn.F0) o -> PyTuple.steal(of(v(o))));
    }

    /** {@code bytes_iterator} and {@code bytearray_iterator}: ints, one per byte. */
    public static final class BytesIterator extends PyGcObject {
        public static final PyType BYTES = PyType.builtin("bytes_iterator", BytesIterator.class);
        public static final PyType BYTEARRAY = PyType.builtin("bytearray_iterator", BytesIterator.class);

        static {
            for (PyType t : new PyType[] {BYTES, BYTEARRAY}) {
                t.flags &= ~PyType.BASETYPE;
                t.iter = RefCount::newRef;
                t.next = it -> ((BytesIterator) it).advance();
                PyMethodDescr.define(t, "__length_hint__", (Fn.F0) it -> PyInt.of(((BytesIterator) it).remaining()));
            }
        }

        private PyObject seq;
        private int index;
        private final PyType type;

        BytesIterator(PyObject seq, PyType type) {
            this.seq = RefCount.newRef(seq);
            this.type = type;
        }

        private int size() {
            return seq instanceof PyBytes b ? b.value.length : ((PyByteArray) seq).size;
        }

        private PyObject advance() {
            PyObject s = seq;
            if (s == null) return null;
            if (index < size()) {
                byte b = s instanceof PyBytes pb ? pb.value[index] : ((PyByteArray) s).buf[index];
                index++;
                return PyInt.of(b & 0xff);
            }
            seq = null;
            RefCount.decref(s);
            return null;
        }

        private int remaining() {
            return seq == null ? 0 : Math.max(0, size() - index);
        }

        @Override
        public PyType type() {
            return type;
        }

        @Override
        public void traverse(Visitor v) {
            if (seq != null) v.visit(seq);
        }

        @Override
        public void releaseReferences() {
            PyObject s = seq;
            seq = null;
            RefCount.xdecref(s);
        }
    }
}
