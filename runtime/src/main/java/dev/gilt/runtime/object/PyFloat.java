package dev.gilt.runtime.object;

import dev.gilt.runtime.object.collections.ClassMethodDescr;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.number.FloatFormat;
import dev.gilt.runtime.object.number.FloatMath;
import dev.gilt.runtime.object.number.FloatParse;
import dev.gilt.runtime.object.number.IntMath;
import dev.gilt.runtime.object.number.NumHash;
import dev.gilt.runtime.object.text.Formatting;
import dev.gilt.runtime.object.text.StrRepr;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.PyGetSetDescr;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * {@code float}: an IEEE double. Mixed int/float arithmetic converts the int (OverflowError when
 * it is too large); comparisons with ints are exact. Instances of Python subclasses are
 * {@link Derived}.
 */
public class PyFloat extends PyObject {
    public static final PyType TYPE = PyType.builtin("float", PyFloat.class);

    public final double value;

    public PyFloat(double value) {
        this.value = value;
    }

    /** A new float (a new reference). */
    public static PyFloat of(double v) {
        return new PyFloat(v);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return FloatFormat.repr(value);
    }

    /** An instance of a Python subclass of float. */
    public static final class Derived extends PyFloat implements HasDict {
        private final InstanceState st;

        public Derived(PyType type, double v) {
            super(v);
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

    // ---- float(): CPython's float_new -------------------------------------------------------

    static PyObject newFloat(PyType type, PyObject[] args, PyTuple kwnames) {
        if (kwnames != null && kwnames.size() > 0) throw Errors.typeError("float() takes no keyword arguments");
        if (args.length > 1) throw Errors.typeError("float expected at most 1 argument, got %d", args.length);
        double v = args.length == 0 ? 0.0 : construct(args[0]);
        return type == TYPE ? of(v) : new Derived(type, v);
    }

    /** float(x) as a double. */
    public static double construct(PyObject x) {
        if (x instanceof PyFloat f) {
            if (x.getClass() == PyFloat.class) return f.value;
        }
        if (x instanceof PyStr s) return parse(s.value, StrRepr.repr(s.value));
        if (x instanceof PyBytes || x instanceof PyByteArray) {
            byte[] b = PyBytes.bytesOf(x);
            return parse(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1), Ops.reprString(x));
        }
        return asDouble(x, true);
    }

    private static double parse(String text, String repr) {
        Double d = FloatParse.parse(text);
        if (d == null) throw Errors.valueError("could not convert string to float: %s", repr);
        return d;
    }

    /**
     * The double value of a number (CPython's PyFloat_AsDouble): floats, then __float__, then
     * __index__. {@code forConstructor} picks float()'s error message over the generic one.
     */
    public static double asDouble(PyObject x, boolean forConstructor) {
        if (x instanceof PyFloat f && x.getClass() == PyFloat.class) return f.value;
        if (x instanceof PyInt i && x.type().asFloat == PyInt.TYPE.asFloat) return IntMath.toDouble(i);
        PyType t = x.type();
        if (t.asFloat != null) {
            PyObject r = t.asFloat.apply(x);
            try {
                if (r instanceof PyFloat rf) return rf.value;
                throw Errors.typeError("%s.__float__ returned non-float (type %s)", t.name(), r.type().name());
            } finally {
                RefCount.decref(r);
            }
        }
        if (t.index != null) {
            PyInt i = PyInt.index(x);
            try {
                return IntMath.toDouble(i);
            } finally {
                RefCount.decref(i);
            }
        }
        if (forConstructor) {
            throw Errors.typeError("float() argument must be a string or a real number, not '%s'", t.name());
        }
        throw Errors.typeError("must be real number, not %s", t.name());
    }

    // ---- slots ----------------------------------------------------------------------------

    /** Operand to double for mixed arithmetic, or NaN-tagged null when not a float or int. */
    private static boolean isNumber(PyObject o) {
        return o instanceof PyFloat || o instanceof PyInt;
    }

    private static double d(PyObject o) {
        return o instanceof PyFloat f ? f.value : IntMath.toDouble((PyInt) o);
    }

    @FunctionalInterface
    private interface DoubleOp {
        PyObject apply(double a, double b);
    }

    private static Slots.Binary op(DoubleOp f) {
        return (a, b) -> isNumber(a) && isNumber(b) ? f.apply(d(a), d(b)) : PyNotImplemented.NOT_IMPLEMENTED;
    }

    /** float ** float, complex when a negative base meets a fractional exponent. */
    public static PyObject power(double a, double b) {
        if (FloatMath.powIsComplex(a, b)) return PyComplex.power(a, 0, b, 0);
        return of(FloatMath.pow(a, b));
    }

    static PyObject compare(PyObject a, PyObject b, int op) {
        double x = ((PyFloat) a).value;
        if (b instanceof PyFloat bf) {
            double y = bf.value;
            return PyBool.of(switch (op) {
                case Ops.LT -> x < y;
                case Ops.LE -> x <= y;
                case Ops.EQ -> x == y;
                case Ops.NE -> x != y;
                case Ops.GT -> x > y;
                default -> x >= y;
            });
        }
        if (b instanceof PyInt bi) {
            if (Double.isNaN(x)) return PyBool.of(op == Ops.NE);
            int c = -IntMath.compareWithDouble(bi, x);
            return PyBool.of(IntMath.test(c, op));
        }
        return PyNotImplemented.NOT_IMPLEMENTED;
    }

    public static long hash(PyFloat f) {
        return NumHash.ofDouble(f.value, f);
    }

    private static double v(PyObject o) {
        return ((PyFloat) o).value;
    }

    private static final ArgParser ROUND_ARGS = ArgParser.of("__round__", 0, 0, "ndigits");

    static {
        TYPE.repr = f -> PyStr.of(FloatFormat.repr(v(f)));
        TYPE.hash = f -> hash((PyFloat) f);
        TYPE.richcompare = PyFloat::compare;
        TYPE.bool = f -> v(f) != 0;
        TYPE.newInstance = PyFloat::newFloat;
        TYPE.nb[Ops.NB_ADD] = op((a, b) -> of(a + b));
        TYPE.nb[Ops.NB_SUBTRACT] = op((a, b) -> of(a - b));
        TYPE.nb[Ops.NB_MULTIPLY] = op((a, b) -> of(a * b));
        TYPE.nb[Ops.NB_TRUE_DIVIDE] = op((a, b) -> of(FloatMath.trueDivide(a, b)));
        TYPE.nb[Ops.NB_FLOOR_DIVIDE] = op((a, b) -> of(FloatMath.floorDivide(a, b)));
        TYPE.nb[Ops.NB_REMAINDER] = op((a, b) -> of(FloatMath.mod(a, b)));
        TYPE.nb[Ops.NB_POWER] = op(PyFloat::power);
        TYPE.power3 = (a, b, m) -> {
            if (m != PyNone.NONE) {
                if (isNumber(a) && isNumber(b) && (m instanceof PyInt || m instanceof PyFloat)) {
                    throw Errors.typeError("pow() 3rd argument not allowed unless all arguments are integers");
                }
                return PyNotImplemented.NOT_IMPLEMENTED;
            }
            return isNumber(a) && isNumber(b) ? power(d(a), d(b)) : PyNotImplemented.NOT_IMPLEMENTED;
        };
        TYPE.neg = f -> of(-v(f));
        TYPE.pos = f -> f.getClass() == PyFloat.class ? RefCount.newRef(f) : of(v(f));
        TYPE.abs = f -> of(Math.abs(v(f)));
        TYPE.asInt = f -> FloatMath.toInt(v(f));
        TYPE.asFloat = f -> f.getClass() == PyFloat.class ? RefCount.newRef(f) : of(v(f));

        PyGetSetDescr.define(TYPE, "real", f -> of(v(f)));
        PyGetSetDescr.define(TYPE, "imag", f -> of(0.0));
        PyMethodDescr.define(TYPE, "conjugate", (Fn.F0) f -> of(v(f)));
        PyMethodDescr.define(TYPE, "is_integer", (Fn.F0) f -> {
            double x = v(f);
            return PyBool.of(!Double.isInfinite(x) && x == Math.floor(x));
        });
        PyMethodDescr.define(TYPE, "as_integer_ratio", (Fn.F0) f -> integerRatio(v(f)));
        PyMethodDescr.define(TYPE, "hex", (Fn.F0) f -> PyStr.of(FloatFormat.hex(v(f))));
        ClassMethodDescr.define(TYPE, "fromhex", (cls, args, kw) -> {
            if (kw != null && kw.size() > 0) throw Errors.typeError("fromhex() takes no keyword arguments");
            if (args.length != 1) throw Errors.typeError("fromhex() takes exactly one argument (%d given)", args.length);
            if (!(args[0] instanceof PyStr s)) {
                throw Errors.typeError("fromhex() argument must be str, not %s", args[0].type().name());
            }
            PyFloat r = of(FloatParse.fromHex(s.value));
            if (cls == TYPE) return r;
            try {
                return Ops.call(cls, r);
            } finally {
                RefCount.decref(r);
            }
        });
        PyMethodDescr.define(TYPE, "__trunc__", (Fn.F0) f -> FloatMath.toInt(v(f)));
        PyMethodDescr.define(TYPE, "__int__", (Fn.F0) f -> FloatMath.toInt(v(f)));
        PyMethodDescr.define(TYPE, "__floor__", (Fn.F0) f -> FloatMath.toInt(Math.floor(v(f))));
        PyMethodDescr.define(TYPE, "__ceil__", (Fn.F0) f -> FloatMath.toInt(Math.ceil(v(f))));
        PyMethodDescr.define(TYPE, "__round__", (Fn.FV) (f, args, kw) -> {
            PyObject[] a = ROUND_ARGS.parse(args, kw);
            if (a[0] == null || a[0] == PyNone.NONE) return FloatMath.roundToInt(v(f));
            PyInt n = PyInt.index(a[0]);
            try {
                long nd = n.big != null ? (n.big.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : n.value;
                return of(FloatMath.round(v(f), nd));
            } finally {
                RefCount.decref(n);
            }
        });
        PyMethodDescr.define(TYPE, "__getnewargs__", (Fn.F0) f -> PyTuple.steal(of(v(f))));
        PyMethodDescr.define(TYPE, "__format__", (Fn.F1) (f, spec) -> PyStr.of(
                Formatting.formatFloat((PyFloat) f, Formatting.specString(spec, f))));
        PyMethodDescr.define(TYPE, "__divmod__", (Fn.F1) (a, b) -> divmod(a, b));
        PyMethodDescr.define(TYPE, "__rdivmod__", (Fn.F1) (a, b) -> divmod(b, a));
    }


    /** divmod for floats (and a float with an int), or NotImplemented. */
    public static PyObject divmod(PyObject a, PyObject b) {
        if (!isNumber(a) || !isNumber(b)) return PyNotImplemented.NOT_IMPLEMENTED;
        double[] qr = FloatMath.divmod(d(a), d(b));
        return PyTuple.steal(of(qr[0]), of(qr[1]));
    }

    /** float.as_integer_ratio(): the exact value as (numerator, denominator) in lowest terms. */
    public static PyTuple integerRatio(double x) {
        if (Double.isNaN(x)) throw Errors.valueError("cannot convert NaN to integer ratio");
        if (Double.isInfinite(x)) throw Errors.overflow("cannot convert Infinity to integer ratio");
        BigDecimal bd = new BigDecimal(x);
        BigInteger num, den;
        if (bd.scale() <= 0) {
            num = bd.toBigIntegerExact();
            den = BigInteger.ONE;
        } else {
            // x == unscaled / 10**scale; reduce (the denominator is a power of two in lowest terms).
            num = bd.unscaledValue();
            den = BigInteger.TEN.pow(bd.scale());
            BigInteger g = num.gcd(den);
            num = num.divide(g);
            den = den.divide(g);
        }
        return PyTuple.steal(PyInt.of(num), PyInt.of(den));
    }
}
