package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.collections.Indices;
import dev.gilt.runtime.object.collections.ReprGuard;
import dev.gilt.runtime.object.collections.Sequences;
import dev.gilt.runtime.object.collections.SliceIndices;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code tuple}: an immutable array of references, each owned by the tuple.
 *
 * <p>Subclasses ({@code class T(tuple)}) are instances of {@link Sub}, which carries the user's
 * type and a {@code __dict__}; exact tuples are always this class, so {@code getClass() ==
 * PyTuple.class} is CPython's PyTuple_CheckExact.
 */
public class PyTuple extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("tuple", PyTuple.class);
    public static final PyTuple EMPTY = RefCount.immortalize(new PyTuple(new PyObject[0]));

    // CPython's tuple hash (xxHash-style lanes, 64-bit).
    static final long XXPRIME_1 = 0x9E3779B185EBCA87L; // 11400714785074694791
    static final long XXPRIME_2 = 0xC2B2AE3D27D4EB4FL; // 14029467366897019727
    static final long XXPRIME_5 = 0x27D4EB2F165667C5L; // 2870177450012600261

    static {
        TYPE.repr = PyTuple::repr;
        TYPE.hash = o -> ((PyTuple) o).hashValue();
        TYPE.richcompare = PyTuple::richCompare;
        TYPE.iter = o -> new PyTupleIterator((PyTuple) o);
        TYPE.len = o -> ((PyTuple) o).items.length;
        TYPE.getitem = PyTuple::subscript;
        TYPE.contains = (o, x) -> ((PyTuple) o).contains(x);
        TYPE.nb[Ops.NB_ADD] = PyTuple::add;
        TYPE.nb[Ops.NB_MULTIPLY] = PyTuple::mul;
        TYPE.newInstance = PyTuple::tupleNew;
        TYPE.bool = o -> ((PyTuple) o).items.length != 0;
        PyMethodDescr.define(TYPE, "count", (Fn.F1) (self, x) -> PyInt.of(((PyTuple) self).count(x)));
        PyMethodDescr.define(TYPE, "index", (Fn.FV) PyTuple::indexMethod);
        PyMethodDescr.define(TYPE, "__getitem__", (Fn.F1) PyTuple::subscript);
        PyMethodDescr.define(TYPE, "__getnewargs__", (Fn.F0) self -> {
            PyObject[] it = ((PyTuple) self).items;
            return PyTuple.steal(PyTuple.fromArray(it, 0, it.length));
        });
    }

    /** The items; never mutated once the tuple is visible to Python code. */
    public final PyObject[] items;

    /** Steals: takes ownership of one reference to each element of {@code items}. */
    protected PyTuple(PyObject[] items) {
        this.items = items;
    }

    /** A new tuple that steals the references in {@code items}. */
    public static PyTuple steal(PyObject... items) {
        if (items.length == 0) return EMPTY;
        return new PyTuple(items);
    }

    /** A new tuple holding new references to {@code items} (borrowed). */
    public static PyTuple of(PyObject... items) {
        if (items.length == 0) return EMPTY;
        for (PyObject o : items) RefCount.incref(o);
        return new PyTuple(items.clone());
    }

    /** A new tuple of {@code a[from..to)} (borrowed; the tuple increfs). */
    public static PyTuple fromArray(PyObject[] a, int from, int to) {
        if (to <= from) return EMPTY;
        PyObject[] items = java.util.Arrays.copyOfRange(a, from, to);
        for (PyObject o : items) RefCount.incref(o);
        return new PyTuple(items);
    }

    /**
     * {@code tuple(iterable)}: a new reference; an exact tuple is returned itself (as CPython),
     * anything else is iterated.
     */
    public static PyTuple fromIterable(PyObject iterable) {
        if (iterable.getClass() == PyTuple.class) return RefCount.newRef((PyTuple) iterable);
        if (iterable instanceof PyList l) return l.toTuple();
        return steal(Sequences.toArray(iterable));
    }

    public int size() {
        return items.length;
    }

    /** Borrowed item. */
    public PyObject get(int i) {
        return items[i];
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public void traverse(Visitor v) {
        for (PyObject o : items) if (o != null) v.visit(o);
    }

    @Override
    public void releaseReferences() {
        for (int i = 0; i < items.length; i++) {
            PyObject o = items[i];
            if (o != null) {
                items[i] = null;
                RefCount.decref(o);
            }
        }
    }

    // ---- construction ---------------------------------------------------------------------

    /** tuple.__new__(type, iterable=()) */
    static PyObject tupleNew(PyType type, PyObject[] args, PyTuple kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.size();
        if (nkw > 0 && type == TYPE) throw Errors.typeError("tuple() takes no keyword arguments");
        int npos = args.length - nkw;
        if (npos > 1) throw Errors.typeError("tuple expected at most 1 argument, got %d", npos);
        if (type == TYPE) return npos == 0 ? EMPTY : fromIterable(args[0]);
        PyObject[] items = npos == 0 ? new PyObject[0] : Sequences.toArray(args[0]);
        return new Sub(type, items);
    }

    /**
     * Instances of user subclasses of tuple: the user's class, a {@code __dict__} and
     * {@code __slots__} values, kept in an {@link InstanceState}.
     */
    public static final class Sub extends PyTuple implements HasDict {
        public final InstanceState st;

        public Sub(PyType type, PyObject[] items) {
            super(items);
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
            super.traverse(v);
            st.traverse(v);
        }

        @Override
        public void releaseReferences() {
            super.releaseReferences();
            st.release();
        }
    }

    // ---- sequence protocol ----------------------------------------------------------------

    /** {@code t[key]} for an int-like key or a slice: a new reference. */
    public static PyObject subscript(PyObject self, PyObject key) {
        PyTuple t = (PyTuple) self;
        if (Indices.isIndex(key)) {
            long i = Indices.asSubscript(key);
            int n = t.items.length;
            if (i < 0) i += n;
            if (i < 0 || i >= n) throw Errors.indexError("tuple index out of range");
            return RefCount.newRef(t.items[(int) i]);
        }
        if (key instanceof PySlice s) {
            SliceIndices si = SliceIndices.of(s, t.items.length);
            if (si.step() == 1) {
                if (si.start() == 0 && si.length() == t.items.length && t.getClass() == PyTuple.class) {
                    return RefCount.newRef(t);
                }
                return fromArray(t.items, (int) si.start(), (int) (si.start() + si.length()));
            }
            int n = (int) si.length();
            if (n == 0) return EMPTY;
            PyObject[] out = new PyObject[n];
            for (int i = 0; i < n; i++) out[i] = RefCount.newRef(t.items[(int) si.at(i)]);
            return new PyTuple(out);
        }
        throw Errors.typeError("tuple indices must be integers or slices, not %s", key.type().name());
    }

    /** {@code x in t}: identity, then ==. */
    public boolean contains(PyObject x) {
        for (PyObject o : items) if (o == x || Ops.eqBool(o, x)) return true;
        return false;
    }

    public long count(PyObject x) {
        long c = 0;
        for (PyObject o : items) if (o == x || Ops.eqBool(o, x)) c++;
        return c;
    }

    private static final ArgParser INDEX = ArgParser.of("index", 1, 3, "value", "start", "stop");

    static PyObject indexMethod(PyObject self, PyObject[] args, PyTuple kw) {
        PyTuple t = (PyTuple) self;
        PyObject[] a = INDEX.parse(args, kw);
        int n = t.items.length;
        long start = Indices.sliceIndexNotNone(a[1], 0), stop = Indices.sliceIndexNotNone(a[2], Long.MAX_VALUE);
        if (start < 0) start = Math.max(0, start + n);
        if (stop < 0) stop = Math.max(0, stop + n);
        for (long i = start; i < Math.min(stop, n); i++) {
            PyObject o = t.items[(int) i];
            if (o == a[0] || Ops.eqBool(o, a[0])) return PyInt.of(i);
        }
        throw Errors.valueError("tuple.index(x): x not in tuple");
    }

    // ---- operators ------------------------------------------------------------------------

    static PyObject add(PyObject a, PyObject b) {
        if (!(a instanceof PyTuple ta)) return PyNotImplemented.NOT_IMPLEMENTED;
        if (b instanceof PyTuple tb) return ta.concat(tb);
        PyObject r = Sequences.tryRightSlot(Ops.NB_ADD, a, b, TYPE.nb[Ops.NB_ADD]);
        if (r != null) return r;
        throw Errors.typeError("can only concatenate tuple (not \"%s\") to tuple", b.type().name());
    }

    /** {@code self + other}: a new tuple (or one of the operands when the other is empty). */
    public PyTuple concat(PyTuple other) {
        if (other.items.length == 0 && getClass() == PyTuple.class) return RefCount.newRef(this);
        if (items.length == 0 && other.getClass() == PyTuple.class) return RefCount.newRef(other);
        long n = (long) items.length + other.items.length;
        if (n > Sequences.MAX_SIZE) throw Sequences.tooBig();
        PyObject[] out = new PyObject[(int) n];
        System.arraycopy(items, 0, out, 0, items.length);
        System.arraycopy(other.items, 0, out, items.length, other.items.length);
        for (PyObject o : out) RefCount.incref(o);
        return new PyTuple(out);
    }

    static PyObject mul(PyObject a, PyObject b) {
        if (a instanceof PyTuple ta) {
            if (b.getClass() == PyInt.class) return ta.repeat(Indices.asSize(b));
            PyObject r = Sequences.tryRightSlot(Ops.NB_MULTIPLY, a, b, TYPE.nb[Ops.NB_MULTIPLY]);
            if (r != null) return r;
            if (Indices.isIndex(b)) return ta.repeat(Indices.asSize(b));
            throw Sequences.cantMultiply(b);
        }
        if (Indices.isIndex(a)) return ((PyTuple) b).repeat(Indices.asSize(a));
        throw Sequences.cantMultiply(a);
    }

    /** {@code self * n}: a new reference. */
    public PyTuple repeat(long n) {
        int size = items.length;
        if ((size == 0 || n == 1) && getClass() == PyTuple.class) return RefCount.newRef(this);
        if (size == 0 || n <= 0) return EMPTY;
        if (n > Sequences.MAX_SIZE / size) throw Sequences.tooBig();
        PyObject[] out = new PyObject[(int) (size * n)];
        for (int r = 0; r < n; r++) System.arraycopy(items, 0, out, r * size, size);
        for (PyObject o : items) for (int r = 0; r < n; r++) RefCount.incref(o);
        return new PyTuple(out);
    }

    // ---- comparison, hash, repr -----------------------------------------------------------

    static PyObject richCompare(PyObject a, PyObject b, int op) {
        if (!(a instanceof PyTuple ta) || !(b instanceof PyTuple tb)) return PyNotImplemented.NOT_IMPLEMENTED;
        return compareItems(ta.items, ta.items.length, tb.items, tb.items.length, op);
    }

    /**
     * Lexicographic comparison of two item arrays (the tuple/list rule): first unequal pair decides,
     * else the lengths. The arrays are borrowed and must stay valid (tuples) during the call.
     */
    static PyObject compareItems(PyObject[] v, int vlen, PyObject[] w, int wlen, int op) {
        if (vlen != wlen && (op == Ops.EQ || op == Ops.NE)) return PyBool.of(op == Ops.NE);
        int i = 0;
        for (; i < vlen && i < wlen; i++) {
            if (!Ops.eqBool(v[i], w[i])) break;
        }
        if (i >= vlen || i >= wlen) return PyBool.of(compareLengths(vlen, wlen, op));
        if (op == Ops.EQ) return PyBool.FALSE;
        if (op == Ops.NE) return PyBool.TRUE;
        return Ops.richCompare(v[i], w[i], op);
    }

    static boolean compareLengths(long a, long b, int op) {
        return switch (op) {
            case Ops.LT -> a < b;
            case Ops.LE -> a <= b;
            case Ops.EQ -> a == b;
            case Ops.NE -> a != b;
            case Ops.GT -> a > b;
            default -> a >= b;
        };
    }

    /** CPython's tuple hash (3.8+), so tuples of ints, floats, None and bools hash as there. */
    public long hashValue() {
        long acc = XXPRIME_5;
        for (PyObject o : items) {
            long lane = Ops.hash(o);
            acc += lane * XXPRIME_2;
            acc = Long.rotateLeft(acc, 31);
            acc *= XXPRIME_1;
        }
        acc += items.length ^ (XXPRIME_5 ^ 3527539L);
        return acc == -1 ? 1546275796L : acc;
    }

    static PyObject repr(PyObject self) {
        PyTuple t = (PyTuple) self;
        int n = t.items.length;
        if (n == 0) return PyStr.of("()");
        if (!ReprGuard.enter(t)) return PyStr.of("(...)");
        try {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < n; i++) {
                if (i > 0) sb.append(", ");
                sb.append(Ops.reprString(t.items[i]));
            }
            if (n == 1) sb.append(',');
            return PyStr.of(sb.append(')').toString());
        } finally {
            ReprGuard.exit(t);
        }
    }
}
