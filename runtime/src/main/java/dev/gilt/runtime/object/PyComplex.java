package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.number.FloatFormat;
import dev.gilt.runtime.object.number.FloatParse;
import dev.gilt.runtime.object.number.IntMath;
import dev.gilt.runtime.object.number.NumHash;
import dev.gilt.runtime.object.text.Formatting;
import dev.gilt.runtime.object.text.Unicode;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.PyGetSetDescr;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code complex}: a pair of doubles, with CPython's arithmetic (Objects/complexobject.c:
 * scaled division, repeated multiplication for small integer powers, polar form otherwise),
 * repr, parsing and hash. Instances of Python subclasses are {@link Derived}.
 */
public class PyComplex extends PyObject {
    public static final PyType TYPE = PyType.builtin("complex", PyComplex.class);

    public final double real, imag;

    protected PyComplex(double real, double imag) {
        this.real = real;
        this.imag = imag;
    }

    public static PyComplex of(double real, double imag) {
        return new PyComplex(real, imag);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return repr(real, imag);
    }

    /** An instance of a Python subclass of complex. */
    public static final class Derived extends PyComplex implements HasDict {
        private final InstanceState st;

        public Derived(PyType type, double real, double imag) {
            super(real, imag);
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

    // ---- text ---------------------------------------------------------------------------------

    /** repr(complex): '1j', '(1+2j)', '(-0-1j)', '(nan+infj)'. */
    public static String repr(double re, double im) {
        String ims = FloatFormat.format(im, 'r', 0, 0);
        if (re == 0 && 1 / re > 0) return ims + "j";
        String res = FloatFormat.format(re, 'r', 0, 0);
        if (!ims.startsWith("-")) ims = "+" + ims;
        return "(" + res + ims + "j)";
    }

    private static final String NUM = "(?:(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?"
            + "|(?i:infinity|inf|nan))";
    private static final Pattern REAL_ONLY = Pattern.compile("([+-]?" + NUM + ")");
    private static final Pattern IMAG_ONLY = Pattern.compile("([+-]?)(" + NUM + ")?[jJ]");
    private static final Pattern BOTH = Pattern.compile("([+-]?" + NUM + ")([+-])(" + NUM + ")?[jJ]");

    /** complex(str): the real and imaginary parts, or ValueError "complex() arg is a malformed string". */
    public static double[] parse(String text) {
        if (text.indexOf('_') >= 0) {
            // CPython validates underscores (each between two digits) before parsing, with its own message.
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) != '_') continue;
                boolean ok = i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                        && Character.isDigit(text.charAt(i + 1));
                if (!ok) {
                    throw Errors.valueError("could not convert string to complex: %s",
                            dev.gilt.runtime.object.text.StrRepr.repr(text));
                }
            }
            text = text.replace("_", "");
        }
        StringBuilder norm = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int d = Unicode.decimalValue(c);
            if (c >= 128 && d >= 0) norm.append((char) ('0' + d));
            else if (c >= 128 && Unicode.isSpace(c)) norm.append(' ');
            else norm.appendCodePoint(c);
        }
        String s = Unicode.strip(norm.toString());
        if (s.startsWith("(") && s.endsWith(")") && s.length() >= 2) s = Unicode.strip(s.substring(1, s.length() - 1));
        Matcher m;
        if ((m = REAL_ONLY.matcher(s)).matches()) return new double[] {num(m.group(1)), 0.0};
        if ((m = IMAG_ONLY.matcher(s)).matches()) {
            double v = m.group(2) == null ? 1.0 : num(m.group(2));
            return new double[] {0.0, m.group(1).equals("-") ? -v : v};
        }
        if ((m = BOTH.matcher(s)).matches()) {
            double v = m.group(3) == null ? 1.0 : num(m.group(3));
            return new double[] {num(m.group(1)), m.group(2).equals("-") ? -v : v};
        }
        throw Errors.valueError("complex() arg is a malformed string");
    }

    private static double num(String t) {
        Double d = FloatParse.parse(t);
        if (d == null) throw Errors.valueError("complex() arg is a malformed string");
        return d;
    }

    // ---- complex(): CPython's complex_new ---------------------------------------------------

    private static final ArgParser NEW_ARGS = ArgParser.of("complex", 0, 0, "real", "imag");

    static PyObject newComplex(PyType type, PyObject[] args, PyTuple kwnames) {
        PyInt.checkKeywords("complex", kwnames, "real", "imag");
        PyObject[] a = NEW_ARGS.parse(args, kwnames);
        PyObject r = a[0], i = a[1];
        double[] v = construct(r, i);
        if (type == TYPE) {
            if (r != null && i == null && r.getClass() == PyComplex.class) return RefCount.newRef(r);
            return of(v[0], v[1]);
        }
        return new Derived(type, v[0], v[1]);
    }

    /** complex(r, i) as {real, imag} (either argument may be null when not given). */
    public static double[] construct(PyObject r, PyObject i) {
        if (r == null) {
            r = PyInt.of(0);
        }
        if (r instanceof PyStr s) {
            if (i != null) throw Errors.typeError("complex() can't take second arg if first is a string");
            return parse(s.value);
        }
        if (i instanceof PyStr) throw Errors.typeError("complex() second arg can't be a string");
        double crReal, crImag = 0;
        boolean crComplex = false;
        PyObject special = r instanceof PyComplex && r.getClass() == PyComplex.class ? null : r.type().lookup("__complex__");
        if (special != null) {
            PyObject res = PyInt.callDescriptor(special, r);
            try {
                if (!(res instanceof PyComplex rc)) {
                    throw Errors.typeError("__complex__ returned non-complex (type %s)", res.type().name());
                }
                crReal = rc.real;
                crImag = rc.imag;
                crComplex = true;
            } finally {
                RefCount.decref(res);
            }
        } else if (r instanceof PyComplex rc) {
            crReal = rc.real;
            crImag = rc.imag;
            crComplex = true;
        } else {
            if (!isRealNumber(r)) {
                throw Errors.typeError("complex() first argument must be a string or a number, not '%s'", r.type().name());
            }
            crReal = PyFloat.asDouble(r, false);
        }
        double ciReal, ciImag = 0;
        boolean ciComplex = false;
        if (i == null) {
            ciReal = crImag;
        } else if (i instanceof PyComplex ic) {
            ciReal = ic.real;
            ciImag = ic.imag;
            ciComplex = true;
        } else {
            if (!isRealNumber(i)) {
                throw Errors.typeError("complex() second argument must be a number, not '%s'", i.type().name());
            }
            ciReal = PyFloat.asDouble(i, false);
        }
        if (ciComplex) crReal -= ciImag;
        if (crComplex && i != null) ciReal += crImag;
        return new double[] {crReal, ciReal};
    }

    private static boolean isRealNumber(PyObject o) {
        return o instanceof PyFloat || o instanceof PyInt || o.type().asFloat != null || o.type().index != null;
    }

    // ---- arithmetic ---------------------------------------------------------------------------

    private static boolean isNumber(PyObject o) {
        return o instanceof PyComplex || o instanceof PyFloat || o instanceof PyInt;
    }

    private static double re(PyObject o) {
        if (o instanceof PyComplex c) return c.real;
        if (o instanceof PyFloat f) return f.value;
        return IntMath.toDouble((PyInt) o);
    }

    private static double im(PyObject o) {
        return o instanceof PyComplex c ? c.imag : 0.0;
    }

    @FunctionalInterface
    private interface ComplexOp {
        PyObject apply(double ar, double ai, double br, double bi);
    }

    private static Slots.Binary op(ComplexOp f) {
        return (a, b) -> isNumber(a) && isNumber(b) ? f.apply(re(a), im(a), re(b), im(b)) : PyNotImplemented.NOT_IMPLEMENTED;
    }

    /** a / b with CPython's scaling (avoids overflow in the intermediate products). */
    public static PyComplex divide(double ar, double ai, double br, double bi) {
        double absBr = Math.abs(br), absBi = Math.abs(bi);
        double r, i;
        if (absBr >= absBi) {
            if (absBr == 0.0) throw Errors.zeroDivision("complex division by zero");
            double ratio = bi / br;
            double denom = br + bi * ratio;
            r = (ar + ai * ratio) / denom;
            i = (ai - ar * ratio) / denom;
        } else if (absBi >= absBr) {
            double ratio = br / bi;
            double denom = br * ratio + bi;
            r = (ar * ratio + ai) / denom;
            i = (ai * ratio - ar) / denom;
        } else {
            r = i = Double.NaN; // at least one NaN in b
        }
        return of(r, i);
    }

    /**
     * a ** b for complex (and float ** float with a negative base and fractional exponent).
     * Small integral exponents use repeated multiplication, others the polar form; the errors
     * follow CPython's errno checks (EDOM from a division by zero or from cos/sin of an infinite
     * phase: ZeroDivisionError; an infinite result: OverflowError).
     */
    public static PyComplex power(double ar, double ai, double br, double bi) {
        double rr, ri;
        if (bi == 0 && br == Math.floor(br) && Math.abs(br) <= 100) {
            double[] p;
            try {
                p = powInt(ar, ai, (int) br);
            } catch (dev.gilt.runtime.error.PyException e) {
                if (!e.matches(dev.gilt.runtime.error.PyExc.ZeroDivisionError)) throw e;
                RefCount.decref(e.exc);
                throw Errors.zeroDivision("0.0 to a negative or complex power");
            }
            rr = p[0];
            ri = p[1];
        } else if (br == 0 && bi == 0) {
            rr = 1.0;
            ri = 0.0;
        } else if (ar == 0 && ai == 0) {
            if (bi != 0 || br < 0) throw Errors.zeroDivision("0.0 to a negative or complex power");
            rr = 0.0;
            ri = 0.0;
        } else {
            double vabs = Math.hypot(ar, ai);
            double len = Math.pow(vabs, br);
            double at = Math.atan2(ai, ar);
            double phase = at * br;
            if (bi != 0.0) {
                len /= Math.exp(at * bi);
                phase += bi * Math.log(vabs);
            }
            if (Double.isInfinite(phase)) throw Errors.zeroDivision("0.0 to a negative or complex power");
            rr = len * Math.cos(phase);
            ri = len * Math.sin(phase);
        }
        if (Double.isInfinite(rr) || Double.isInfinite(ri)) throw Errors.overflow("complex exponentiation");
        return of(rr, ri);
    }

    /** Integer powers by repeated squaring (CPython's c_powu / c_powi). */
    private static double[] powInt(double xr, double xi, int n) {
        if (n > 0) return powUnsigned(xr, xi, n);
        double[] p = powUnsigned(xr, xi, -n);
        PyComplex q = divide(1.0, 0.0, p[0], p[1]);
        return new double[] {q.real, q.imag};
    }

    private static double[] powUnsigned(double xr, double xi, int n) {
        double rr = 1.0, ri = 0.0, pr = xr, pi = xi;
        int mask = 1;
        while (mask > 0 && n >= mask) {
            if ((n & mask) != 0) {
                double t = rr * pr - ri * pi;
                ri = rr * pi + ri * pr;
                rr = t;
            }
            mask <<= 1;
            double t = pr * pr - pi * pi;
            pi = pr * pi + pi * pr;
            pr = t;
        }
        return new double[] {rr, ri};
    }

    public static double abs(double re, double im) {
        if (Double.isInfinite(re) || Double.isInfinite(im)) return Double.POSITIVE_INFINITY;
        if (Double.isNaN(re) || Double.isNaN(im)) return Double.NaN;
        double r = Math.hypot(re, im);
        if (Double.isInfinite(r)) throw Errors.overflow("absolute value too large");
        return r;
    }

    static PyObject compare(PyObject a, PyObject b, int op) {
        if (op != Ops.EQ && op != Ops.NE) return PyNotImplemented.NOT_IMPLEMENTED;
        PyComplex c = (PyComplex) a;
        boolean eq;
        if (b instanceof PyInt bi) {
            eq = c.imag == 0 && !Double.isNaN(c.real) && IntMath.compareWithDouble(bi, c.real) == 0;
        } else if (b instanceof PyFloat bf) {
            eq = c.real == bf.value && c.imag == 0;
        } else if (b instanceof PyComplex bc) {
            eq = c.real == bc.real && c.imag == bc.imag;
        } else {
            return PyNotImplemented.NOT_IMPLEMENTED;
        }
        return PyBool.of(op == Ops.EQ ? eq : !eq);
    }

    private static PyComplex self(PyObject o) {
        return (PyComplex) o;
    }

    static {
        TYPE.repr = c -> PyStr.of(repr(self(c).real, self(c).imag));
        TYPE.hash = c -> NumHash.ofComplex(self(c).real, self(c).imag, c);
        TYPE.richcompare = PyComplex::compare;
        TYPE.bool = c -> self(c).real != 0 || self(c).imag != 0;
        TYPE.newInstance = PyComplex::newComplex;
        TYPE.nb[Ops.NB_ADD] = op((ar, ai, br, bi) -> of(ar + br, ai + bi));
        TYPE.nb[Ops.NB_SUBTRACT] = op((ar, ai, br, bi) -> of(ar - br, ai - bi));
        TYPE.nb[Ops.NB_MULTIPLY] = op((ar, ai, br, bi) -> of(ar * br - ai * bi, ar * bi + ai * br));
        TYPE.nb[Ops.NB_TRUE_DIVIDE] = op(PyComplex::divide);
        TYPE.nb[Ops.NB_POWER] = op(PyComplex::power);
        TYPE.power3 = (a, b, m) -> {
            if (m != PyNone.NONE) {
                if (isNumber(a) && isNumber(b)) throw Errors.valueError("complex modulo");
                return PyNotImplemented.NOT_IMPLEMENTED;
            }
            return isNumber(a) && isNumber(b) ? power(re(a), im(a), re(b), im(b)) : PyNotImplemented.NOT_IMPLEMENTED;
        };
        TYPE.neg = c -> of(-self(c).real, -self(c).imag);
        TYPE.pos = c -> c.getClass() == PyComplex.class ? RefCount.newRef(c) : of(self(c).real, self(c).imag);
        TYPE.abs = c -> PyFloat.of(abs(self(c).real, self(c).imag));

        PyGetSetDescr.define(TYPE, "real", c -> PyFloat.of(self(c).real));
        PyGetSetDescr.define(TYPE, "imag", c -> PyFloat.of(self(c).imag));
        PyMethodDescr.define(TYPE, "conjugate", (Fn.F0) c -> of(self(c).real, -self(c).imag));
        PyMethodDescr.define(TYPE, "__complex__", (Fn.F0) c ->
                c.getClass() == PyComplex.class ? RefCount.newRef(c) : of(self(c).real, self(c).imag));
        PyMethodDescr.define(TYPE, "__getnewargs__", (Fn.F0) c ->
                PyTuple.steal(PyFloat.of(self(c).real), PyFloat.of(self(c).imag)));
        PyMethodDescr.define(TYPE, "__format__", (Fn.F1) (c, spec) ->
                PyStr.of(Formatting.formatComplex(self(c), Formatting.specString(spec, c))));
    }
}
