package dev.gilt.runtime.object;

import dev.gilt.runtime.object.collections.ClassMethodDescr;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.number.IntMath;
import dev.gilt.runtime.object.number.IntParse;
import dev.gilt.runtime.object.number.NumHash;
import dev.gilt.runtime.object.text.Formatting;
import dev.gilt.runtime.object.text.StrRepr;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.PyGetSetDescr;
import java.math.BigInteger;
import java.util.function.BinaryOperator;

/**
 * {@code int}: arbitrary precision, with a fast path for values that fit in a long ({@link #big}
 * is null then). Values -5..256 are cached and immortal, as in CPython.
 *
 * <p>Exact ints are instances of this class; instances of user subclasses ({@code class
 * MyInt(int)}) are {@link Derived}, which carries the type and a {@code __dict__}. Operations
 * read only {@link #value}/{@link #big}, so they accept both; results are always exact ints.
 * Arithmetic lives in {@link IntMath}; this class wires it into the slots.
 */
public class PyInt extends PyObject {
    public static final PyType TYPE = PyType.builtin("int", PyInt.class);

    /** The value when it fits in a long (then {@link #big} is null). */
    public final long value;
    /** The value when it does not fit in a long; null otherwise. */
    public final BigInteger big;

    private static final PyInt[] SMALL = new PyInt[262];

    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = RefCount.immortalize(new PyInt(i - 5));
    }

    protected PyInt(long value) {
        this.value = value;
        this.big = null;
    }

    /** {@code big} must not fit in a long (use {@link #of(BigInteger)}). */
    protected PyInt(BigInteger big) {
        this.value = 0;
        this.big = big;
    }

    /** A new reference to an int of this value (cached for -5..256). */
    public static PyInt of(long v) {
        if (v >= -5 && v <= 256) return SMALL[(int) v + 5];
        return new PyInt(v);
    }

    public static PyInt of(BigInteger v) {
        if (v.bitLength() < 64) return of(v.longValue());
        return new PyInt(v);
    }

    public boolean isBig() {
        return big != null;
    }

    public BigInteger bigValue() {
        return big != null ? big : BigInteger.valueOf(value);
    }

    public int signum() {
        return big != null ? big.signum() : Long.signum(value);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return big != null ? big.toString() : Long.toString(value);
    }

    /** A new reference to the exact int with this object's value (itself when already exact). */
    public PyInt exact() {
        if (getClass() == PyInt.class) return RefCount.newRef(this);
        return big != null ? new PyInt(big) : of(value);
    }

    // ---- conversions used across the runtime --------------------------------------------------

    /**
     * operator.index(o) as an exact int (new reference): ints directly, else __index__, which must
     * return an int ("__index__ returned non-int (type str)").
     */
    public static PyInt index(PyObject o) {
        if (o instanceof PyInt i) return i.exact();
        PyObject r = Ops.index(o);
        if (r instanceof PyInt ri) {
            if (ri.getClass() == PyInt.class) return ri;
            PyInt e = ri.exact();
            RefCount.decref(ri);
            return e;
        }
        String tn = r.type().name();
        RefCount.decref(r);
        throw Errors.typeError("__index__ returned non-int (type %s)", tn);
    }

    /**
     * The value of index(o) as a long, for sizes and positions; OverflowError "cannot fit 'int'
     * into an index-sized integer" when it does not fit (CPython's PyNumber_AsSsize_t).
     */
    public static long asIndex(PyObject o) {
        return asIndex(o, PyExc.OverflowError);
    }

    /** Like {@link #asIndex(PyObject)} raising {@code error} on overflow (IndexError for subscripts). */
    public static long asIndex(PyObject o, PyType error) {
        if (o instanceof PyInt i && i.big == null) return i.value;
        PyInt i = index(o);
        try {
            if (i.big != null) throw Errors.of(error, "cannot fit 'int' into an index-sized integer");
            return i.value;
        } finally {
            RefCount.decref(i);
        }
    }

    /** Like {@link #asIndex} but clamps out-of-range values to Long.MIN/MAX (slice indices). */
    public static long asClampedIndex(PyObject o) {
        PyInt i = index(o);
        try {
            if (i.big != null) return i.big.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
            return i.value;
        } finally {
            RefCount.decref(i);
        }
    }

    // ---- instances of subclasses ----------------------------------------------------------

    /** An instance of a Python subclass of int: the value plus the type and a {@code __dict__}. */
    public static final class Derived extends PyInt implements HasDict {
        private final InstanceState st;

        public Derived(PyType type, PyInt v) {
            super(v.value);
            this.st = new InstanceState(type);
        }

        private Derived(PyType type, BigInteger big) {
            super(big);
            this.st = new InstanceState(type);
        }

        static Derived of(PyType type, PyInt v) {
            return v.big != null ? new Derived(type, v.big) : new Derived(type, v);
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

    // ---- int(): CPython's long_new --------------------------------------------------------

    private static final ArgParser NEW_ARGS = ArgParser.of("int", 0, 1, "x", "base");

    /**
     * The builtin constructors' keyword check (CPython's PyArg_ParseTupleAndKeywords wording):
     * "'x' is an invalid keyword argument for int()".
     */
    static void checkKeywords(String fn, PyTuple kwnames, String... allowed) {
        if (kwnames == null) return;
        outer:
        for (PyObject k : kwnames.items) {
            String name = ((PyStr) k).value;
            for (String a : allowed) if (a.equals(name)) continue outer;
            throw Errors.typeError("'%s' is an invalid keyword argument for %s()", name, fn);
        }
    }

    static PyObject newInt(PyType type, PyObject[] args, PyTuple kwnames) {
        checkKeywords("int", kwnames, "base");
        PyObject[] a = NEW_ARGS.parse(args, kwnames);
        PyInt v = construct(a[0], a[1]);
        if (type == TYPE) return v;
        try {
            return Derived.of(type, v);
        } finally {
            RefCount.decref(v);
        }
    }

    /** int(x) / int(x, base) as an exact int (new reference). */
    public static PyInt construct(PyObject x, PyObject baseArg) {
        if (x == null) {
            if (baseArg != null) throw Errors.typeError("int() missing string argument");
            return of(0);
        }
        if (baseArg != null) {
            long base = asIndexForBase(baseArg);
            if (base != 0 && (base < 2 || base > 36)) throw Errors.valueError("int() base must be >= 2 and <= 36, or 0");
            String text = textOf(x);
            if (text == null) throw Errors.typeError("int() can't convert non-string with explicit base");
            return IntParse.parse(text, (int) base, reprOfText(x));
        }
        if (x.getClass() == PyInt.class) return RefCount.newRef((PyInt) x);
        PyType t = x.type();
        if (t.asInt != null) return checkIntResult(t.asInt.apply(x), "__int__");
        if (t.index != null) return checkIntResult(t.index.apply(x), "__index__");
        PyObject trunc = t.lookup("__trunc__");
        if (trunc != null) {
            PyObject r = callDescriptor(trunc, x);
            if (r instanceof PyInt) return checkIntResult(r, "__trunc__");
            try {
                if (r.type().index == null) {
                    throw Errors.typeError("__trunc__ returned non-Integral (type %s)", r.type().name());
                }
                return index(r);
            } finally {
                RefCount.decref(r);
            }
        }
        String text = textOf(x);
        if (text != null) return IntParse.parse(text, 10, reprOfText(x));
        throw Errors.typeError("int() argument must be a string, a bytes-like object or a real number, not '%s'",
                t.name());
    }

    private static long asIndexForBase(PyObject b) {
        PyInt i = index(b);
        try {
            if (i.big != null) return Long.MAX_VALUE;
            return i.value;
        } finally {
            RefCount.decref(i);
        }
    }

    /** The text of a str, bytes or bytearray argument (bytes as Latin-1), else null. */
    private static String textOf(PyObject x) {
        if (x instanceof PyStr s) return s.value;
        if (x instanceof PyBytes b) return new String(b.value, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (x instanceof PyByteArray b) {
            return new String(b.buf, 0, b.size, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return null;
    }

    private static String reprOfText(PyObject x) {
        if (x instanceof PyStr s) return StrRepr.repr(s.value);
        return Ops.reprString(x);
    }

    private static PyInt checkIntResult(PyObject r, String what) {
        if (r instanceof PyInt i) {
            if (i.getClass() == PyInt.class) return i;
            // A strict subclass of int: CPython warns (DeprecationWarning) and converts.
            PyInt e = i.exact();
            RefCount.decref(r);
            return e;
        }
        String tn = r.type().name();
        RefCount.decref(r);
        throw Errors.typeError("%s returned non-int (type %s)", what, tn);
    }

    /** Calls a method found on the type (descriptor protocol) with {@code self}. */
    static PyObject callDescriptor(PyObject descr, PyObject self, PyObject... args) {
        if (descr instanceof PyMethodDescr m) return m.callUnbound(self, args, null);
        Slots.DescrGet g = descr.type().descrGet;
        if (g == null) return Ops.call(descr, prepend(self, args), null);
        PyObject bound = g.get(descr, self, self.type());
        try {
            return Ops.call(bound, args, null);
        } finally {
            RefCount.decref(bound);
        }
    }

    private static PyObject[] prepend(PyObject a, PyObject[] rest) {
        PyObject[] out = new PyObject[rest.length + 1];
        out[0] = a;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    // ---- slots ----------------------------------------------------------------------------

    /** A binary slot applying {@code f} when both operands are ints, else NotImplemented. */
    static Slots.Binary both(BinaryOperator<PyObject> f) {
        return (a, b) -> a instanceof PyInt && b instanceof PyInt ? f.apply(a, b) : PyNotImplemented.NOT_IMPLEMENTED;
    }

    static PyObject compare(PyObject a, PyObject b, int op) {
        if (!(b instanceof PyInt bi)) return PyNotImplemented.NOT_IMPLEMENTED;
        int c = IntMath.compare((PyInt) a, bi);
        return PyBool.of(IntMath.test(c, op));
    }

    public static long hash(PyInt v) {
        return v.big == null ? NumHash.ofLong(v.value) : NumHash.ofBig(v.big);
    }

    private static PyInt self(PyObject o) {
        return (PyInt) o;
    }

    private static final ArgParser ROUND_ARGS = ArgParser.of("__round__", 0, 0, "ndigits");
    private static final ArgParser TO_BYTES_ARGS = ArgParser.of("to_bytes", 0, 0, "length", "byteorder", "*", "signed");
    private static final ArgParser FROM_BYTES_ARGS = ArgParser.of("from_bytes", 1, 0, "bytes", "byteorder", "*", "signed");

    static {
        TYPE.repr = v -> PyStr.of(IntParse.toDecimal(self(v)));
        TYPE.hash = v -> hash(self(v));
        TYPE.richcompare = PyInt::compare;
        TYPE.bool = v -> self(v).signum() != 0;
        TYPE.newInstance = PyInt::newInt;
        TYPE.nb[Ops.NB_ADD] = both((a, b) -> IntMath.add(self(a), self(b)));
        TYPE.nb[Ops.NB_SUBTRACT] = both((a, b) -> IntMath.sub(self(a), self(b)));
        TYPE.nb[Ops.NB_MULTIPLY] = both((a, b) -> IntMath.mul(self(a), self(b)));
        TYPE.nb[Ops.NB_FLOOR_DIVIDE] = both((a, b) -> IntMath.floorDivide(self(a), self(b)));
        TYPE.nb[Ops.NB_REMAINDER] = both((a, b) -> IntMath.mod(self(a), self(b)));
        TYPE.nb[Ops.NB_TRUE_DIVIDE] = both((a, b) -> PyFloat.of(IntMath.trueDivide(self(a), self(b))));
        TYPE.nb[Ops.NB_POWER] = both((a, b) -> IntMath.pow(self(a), self(b)));
        TYPE.nb[Ops.NB_LSHIFT] = both((a, b) -> IntMath.lshift(self(a), self(b)));
        TYPE.nb[Ops.NB_RSHIFT] = both((a, b) -> IntMath.rshift(self(a), self(b)));
        TYPE.nb[Ops.NB_AND] = both((a, b) -> IntMath.and(self(a), self(b)));
        TYPE.nb[Ops.NB_OR] = both((a, b) -> IntMath.or(self(a), self(b)));
        TYPE.nb[Ops.NB_XOR] = both((a, b) -> IntMath.xor(self(a), self(b)));
        TYPE.power3 = (a, b, m) -> {
            if (!(a instanceof PyInt ia) || !(b instanceof PyInt ib)) return PyNotImplemented.NOT_IMPLEMENTED;
            if (m == PyNone.NONE) return IntMath.pow(ia, ib);
            if (!(m instanceof PyInt im)) return PyNotImplemented.NOT_IMPLEMENTED;
            return IntMath.powMod(ia, ib, im);
        };
        TYPE.neg = v -> IntMath.neg(self(v));
        TYPE.pos = v -> self(v).exact();
        TYPE.abs = v -> IntMath.abs(self(v));
        TYPE.invert = v -> IntMath.invert(self(v));
        TYPE.index = v -> self(v).exact();
        TYPE.asInt = v -> self(v).exact();
        TYPE.asFloat = v -> PyFloat.of(IntMath.toDouble(self(v)));

        PyGetSetDescr.define(TYPE, "real", v -> self(v).exact());
        PyGetSetDescr.define(TYPE, "imag", v -> of(0));
        PyGetSetDescr.define(TYPE, "numerator", v -> self(v).exact());
        PyGetSetDescr.define(TYPE, "denominator", v -> of(1));

        PyMethodDescr.define(TYPE, "conjugate", (Fn.F0) v -> self(v).exact());
        PyMethodDescr.define(TYPE, "bit_length", (Fn.F0) v -> of(IntMath.bitLength(self(v))));
        PyMethodDescr.define(TYPE, "bit_count", (Fn.F0) v -> of(IntMath.bitCount(self(v))));
        PyMethodDescr.define(TYPE, "as_integer_ratio", (Fn.F0) v -> PyTuple.steal(self(v).exact(), of(1)));
        PyMethodDescr.define(TYPE, "is_integer", (Fn.F0) v -> PyBool.TRUE);
        PyMethodDescr.define(TYPE, "__trunc__", (Fn.F0) v -> self(v).exact());
        PyMethodDescr.define(TYPE, "__floor__", (Fn.F0) v -> self(v).exact());
        PyMethodDescr.define(TYPE, "__ceil__", (Fn.F0) v -> self(v).exact());
        PyMethodDescr.define(TYPE, "__getnewargs__", (Fn.F0) v -> PyTuple.steal(self(v).exact()));
        PyMethodDescr.define(TYPE, "__sizeof__", (Fn.F0) v -> of(24 + 4 * ((IntMath.bitLength(self(v)) + 29) / 30)));
        PyMethodDescr.define(TYPE, "__round__", (Fn.FV) (v, args, kw) -> {
            PyObject[] a = ROUND_ARGS.parse(args, kw);
            if (a[0] == null || a[0] == PyNone.NONE) return self(v).exact();
            PyInt n = index(a[0]);
            try {
                return IntMath.round(self(v), n);
            } finally {
                RefCount.decref(n);
            }
        });
        PyMethodDescr.define(TYPE, "__format__", (Fn.F1) (v, spec) -> PyStr.of(
                Formatting.formatInt(self(v), Formatting.specString(spec, v))));
        PyMethodDescr.define(TYPE, "__divmod__", (Fn.F1) (a, b) ->
                b instanceof PyInt ib ? IntMath.divmod(self(a), ib) : PyNotImplemented.NOT_IMPLEMENTED);
        PyMethodDescr.define(TYPE, "__rdivmod__", (Fn.F1) (a, b) ->
                b instanceof PyInt ib ? IntMath.divmod(ib, self(a)) : PyNotImplemented.NOT_IMPLEMENTED);
        PyMethodDescr.define(TYPE, "to_bytes", (Fn.FV) (v, args, kw) -> toBytes(self(v), TO_BYTES_ARGS.parse(args, kw)));
        ClassMethodDescr.define(TYPE, "from_bytes", (cls, args, kw) -> fromBytes((PyType) cls,
                FROM_BYTES_ARGS.parse(args, kw)));
    }


    private static boolean littleEndian(PyObject order) {
        if (order == null) return false;
        if (!(order instanceof PyStr s)) {
            throw Errors.typeError("to_bytes() argument 'byteorder' must be str, not %s", order.type().name());
        }
        return switch (s.value) {
            case "little" -> true;
            case "big" -> false;
            default -> throw Errors.valueError("byteorder must be either 'little' or 'big'");
        };
    }

    private static PyObject toBytes(PyInt v, PyObject[] a) {
        long length = a[0] == null ? 1 : asIndex(a[0]);
        boolean little = littleEndian(a[1]);
        boolean signed = a[2] != null && Ops.isTrue(a[2]);
        if (length < 0) throw Errors.valueError("length argument must be non-negative");
        BigInteger b = v.bigValue();
        if (!signed && b.signum() < 0) throw Errors.overflow("can't convert negative int to unsigned");
        byte[] min = b.toByteArray(); // big-endian two's complement, minimal
        int off = 0;
        if (!signed && min.length > 1 && min[0] == 0) off = 1; // the sign byte is not needed unsigned
        if (b.signum() == 0) off = min.length;
        int need = min.length - off;
        if (need > length) throw Errors.overflow("int too big to convert");
        if (length > Integer.MAX_VALUE - 16) throw Errors.of(PyExc.MemoryError);
        byte[] out = new byte[(int) length];
        byte fill = (byte) (b.signum() < 0 ? 0xff : 0);
        int pad = (int) length - need;
        for (int i = 0; i < pad; i++) out[i] = fill;
        System.arraycopy(min, off, out, pad, need);
        if (little) reverse(out);
        return PyBytes.of(out);
    }

    private static void reverse(byte[] b) {
        for (int i = 0, j = b.length - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
    }

    private static PyObject fromBytes(PyType cls, PyObject[] a) {
        byte[] data = PyBytes.bytesOf(a[0]);
        boolean little = littleEndian(a[1]);
        boolean signed = a[2] != null && Ops.isTrue(a[2]);
        if (little) {
            data = data.clone();
            reverse(data);
        }
        BigInteger b = data.length == 0 ? BigInteger.ZERO : signed ? new BigInteger(data) : new BigInteger(1, data);
        PyInt r = of(b);
        if (cls == TYPE) return r;
        try {
            return Ops.call(cls, r);
        } finally {
            RefCount.decref(r);
        }
    }

    /** float(v) for an int (OverflowError "int too large to convert to float"). */
    public static double toDouble(PyInt v) {
        return IntMath.toDouble(v);
    }
}
