package dev.gilt.stdlib.math;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Iter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The {@code math} module, with CPython's error rules: a NaN result from a non-NaN argument is
 * {@code ValueError("math domain error")}; an infinite result from a finite argument is
 * {@code OverflowError("math range error")} for functions that can overflow (exp, cosh...) and a
 * domain error otherwise (log(0), atanh(1)). Elementary functions use {@link StrictMath} (fdlibm,
 * reproducible on every JVM); functions Java lacks are computed correctly rounded by {@link BigMath}.
 */
public final class MathModule implements ModuleProvider {
    @Override
    public String name() {
        return "math";
    }

    static PyException domain() {
        return Errors.valueError("math domain error");
    }

    static PyException range() {
        return Errors.overflow("math range error");
    }

    /** CPython's math_1: applies f and classifies special results. */
    static PyObject math1(PyObject arg, DoubleUnaryOperator f, boolean canOverflow) {
        double x = Args.asDouble(arg);
        double r = f.applyAsDouble(x);
        if (Double.isNaN(r) && !Double.isNaN(x)) throw domain();
        if (Double.isInfinite(r) && Double.isFinite(x)) throw canOverflow ? range() : domain();
        return PyFloat.of(r);
    }

    /** float → int with CPython's errors for inf and nan (the result of floor/ceil/trunc). */
    public static PyObject floatToInt(double d) {
        if (Double.isNaN(d)) throw Errors.valueError("cannot convert float NaN to integer");
        if (Double.isInfinite(d)) throw Errors.overflow("cannot convert float infinity to integer");
        if (Math.abs(d) < 9.2e18) return PyInt.of((long) d);
        return PyInt.of(new BigDecimal(d).toBigInteger());
    }

    private static PyObject viaDunder(PyObject x, String dunder, DoubleUnaryOperator f) {
        if (x instanceof PyInt && (x.type() == PyInt.TYPE || x.type() == PyBool.TYPE)) {
            return x.type() == PyBool.TYPE ? PyInt.of(((PyInt) x).value) : RefCount.newRef(x);
        }
        if (x instanceof PyFloat pf && x.type() == PyFloat.TYPE) return floatToInt(f.applyAsDouble(pf.value));
        if (x.type().lookup(dunder) != null) return Ops.callMethod(x, dunder);
        return floatToInt(f.applyAsDouble(Args.asDouble(x)));
    }

    private static final MathContext EXACT = MathContext.UNLIMITED;
    private static final BigDecimal OVERFLOW_BOUND = new BigDecimal(BigInteger.ONE.shiftLeft(1024)
            .subtract(BigInteger.ONE.shiftLeft(970)));

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("math");
        m.setSteal("pi", PyFloat.of(Math.PI));
        m.setSteal("e", PyFloat.of(Math.E));
        m.setSteal("tau", PyFloat.of(2 * Math.PI));
        m.setSteal("inf", PyFloat.of(Double.POSITIVE_INFINITY));
        m.setSteal("nan", PyFloat.of(Double.NaN));

        unary(m, "acos", Math::acos, false);
        unary(m, "asin", Math::asin, false);
        unary(m, "atan", Math::atan, false);
        unary(m, "acosh", BigMath::acosh, false);
        unary(m, "asinh", BigMath::asinh, false);
        unary(m, "atanh", BigMath::atanh, false);
        unary(m, "cos", Math::cos, false);
        unary(m, "sin", Math::sin, false);
        unary(m, "tan", Math::tan, false);
        unary(m, "cosh", Math::cosh, true);
        unary(m, "sinh", Math::sinh, true);
        unary(m, "tanh", Math::tanh, false);
        unary(m, "exp", Math::exp, true);
        unary(m, "exp2", x -> Math.pow(2, x), true);
        unary(m, "expm1", Math::expm1, true);
        unary(m, "cbrt", MathModule::cbrt, false);
        unary(m, "fabs", Math::abs, false);
        unary(m, "sqrt", Math::sqrt, false);
        unary(m, "log1p", Math::log1p, false);
        unary(m, "erf", BigMath::erf, false);
        unary(m, "erfc", BigMath::erfc, false);
        m.def("gamma", (Fn.F1) (mod, x) -> PyFloat.of(gamma(Args.asDouble(x))));
        m.def("lgamma", (Fn.F1) (mod, x) -> PyFloat.of(lgamma(Args.asDouble(x))));
        m.def("degrees", (Fn.F1) (mod, x) -> PyFloat.of(Args.asDouble(x) * (180.0 / Math.PI)));
        m.def("radians", (Fn.F1) (mod, x) -> PyFloat.of(Args.asDouble(x) * (Math.PI / 180.0)));
        m.def("isfinite", (Fn.F1) (mod, x) -> PyBool.of(Double.isFinite(Args.asDouble(x))));
        m.def("isinf", (Fn.F1) (mod, x) -> PyBool.of(Double.isInfinite(Args.asDouble(x))));
        m.def("isnan", (Fn.F1) (mod, x) -> PyBool.of(Double.isNaN(Args.asDouble(x))));
        m.def("floor", (Fn.F1) (mod, x) -> viaDunder(x, "__floor__", Math::floor));
        m.def("ceil", (Fn.F1) (mod, x) -> viaDunder(x, "__ceil__", Math::ceil));
        m.def("trunc", (Fn.F1) (mod, x) -> {
            if (x instanceof PyFloat pf && x.type() == PyFloat.TYPE) return floatToInt(pf.value);
            if (x instanceof PyInt && x.type() == PyInt.TYPE) return RefCount.newRef(x);
            if (x.type().lookup("__trunc__") == null) {
                throw Errors.typeError("type %s doesn't define __trunc__ method", x.type().name());
            }
            return Ops.callMethod(x, "__trunc__");
        });
        m.def("copysign", (Fn.F2) (mod, x, y) -> PyFloat.of(Math.copySign(Args.asDouble(x), Args.asDouble(y))));
        m.def("atan2", (Fn.F2) (mod, y, x) -> PyFloat.of(Math.atan2(Args.asDouble(y), Args.asDouble(x))));
        m.def("fmod", (Fn.F2) (mod, xo, yo) -> {
            double x = Args.asDouble(xo), y = Args.asDouble(yo);
            if (Double.isInfinite(y) && Double.isFinite(x)) return PyFloat.of(x);
            double r = x % y;
            if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) throw domain();
            return PyFloat.of(r);
        });
        m.def("remainder", (Fn.F2) (mod, xo, yo) -> {
            double x = Args.asDouble(xo), y = Args.asDouble(yo);
            if (Double.isNaN(x) || Double.isNaN(y)) return PyFloat.of(Double.NaN);
            if (Double.isInfinite(x) || y == 0) throw domain();
            if (Double.isInfinite(y)) return PyFloat.of(x);
            return PyFloat.of(Math.IEEEremainder(x, y));
        });
        m.def("pow", (Fn.F2) (mod, xo, yo) -> PyFloat.of(pow(Args.asDouble(xo), Args.asDouble(yo))));
        m.def("hypot", (Fn.FV) (mod, args, kw) -> {
            Args.noKw("hypot", kw);
            double[] v = new double[args.length];
            for (int i = 0; i < args.length; i++) v[i] = Args.asDouble(args[i]);
            return PyFloat.of(norm(v));
        });
        m.def("dist", (Fn.F2) (mod, p, q) -> {
            List<PyObject> ps = Args.toList(p), qs = Args.toList(q);
            try {
                if (ps.size() != qs.size()) throw Errors.valueError("both points must have the same number of dimensions");
                double[] v = new double[ps.size()];
                for (int i = 0; i < v.length; i++) v[i] = Args.asDouble(ps.get(i)) - Args.asDouble(qs.get(i));
                return PyFloat.of(norm(v));
            } finally {
                Args.decrefAll(ps);
                Args.decrefAll(qs);
            }
        });
        m.def("frexp", (Fn.F1) (mod, xo) -> {
            double x = Args.asDouble(xo);
            if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) return PyTuple.steal(PyFloat.of(x), PyInt.of(0));
            int e = Math.getExponent(x);
            if (e == Double.MIN_EXPONENT - 1) { // subnormal
                x *= 0x1p54;
                e = Math.getExponent(x) - 54;
                double mant = Math.scalb(x, -(Math.getExponent(x) + 1));
                return PyTuple.steal(PyFloat.of(mant), PyInt.of(e + 1));
            }
            return PyTuple.steal(PyFloat.of(Math.scalb(x, -(e + 1))), PyInt.of(e + 1));
        });
        m.def("ldexp", (Fn.F2) (mod, xo, io) -> {
            double x = Args.asDouble(xo);
            if (!(io instanceof PyInt) && io.type().index == null) {
                throw Errors.typeError("Expected an int as second argument to ldexp.");
            }
            BigInteger bi = Args.asBig(io);
            int e = bi.bitLength() > 31 ? (bi.signum() > 0 ? 100000 : -100000) : bi.intValue();
            if (x == 0 || !Double.isFinite(x)) return PyFloat.of(x);
            double r = Math.scalb(x, Math.max(-100000, Math.min(100000, e)));
            if (Double.isInfinite(r)) throw range();
            return PyFloat.of(r);
        });
        m.def("modf", (Fn.F1) (mod, xo) -> {
            double x = Args.asDouble(xo);
            if (Double.isInfinite(x)) return PyTuple.steal(PyFloat.of(Math.copySign(0.0, x)), PyFloat.of(x));
            if (Double.isNaN(x)) return PyTuple.steal(PyFloat.of(x), PyFloat.of(x));
            double ip = x < 0 ? Math.ceil(x) : Math.floor(x);
            return PyTuple.steal(PyFloat.of(Math.copySign(x - ip, x)), PyFloat.of(ip));
        });
        m.def("nextafter", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = NEXTAFTER.parse(args, kw);
            double x = Args.asDouble(a[0]), y = Args.asDouble(a[1]);
            if (Args.isNone(a[2])) return PyFloat.of(Math.nextAfter(x, y));
            BigInteger steps = Args.asBig(a[2]);
            if (steps.signum() < 0) throw Errors.valueError("steps must be a non-negative integer");
            long n = steps.bitLength() > 62 ? Long.MAX_VALUE : steps.longValue();
            for (long i = 0; i < n && x != y && !Double.isNaN(x); i++) x = Math.nextAfter(x, y);
            return PyFloat.of(x);
        });
        m.def("ulp", (Fn.F1) (mod, xo) -> {
            double x = Args.asDouble(xo);
            if (Double.isNaN(x) || Double.isInfinite(x)) return PyFloat.of(Math.abs(x));
            return PyFloat.of(Math.ulp(x));
        });
        m.def("isclose", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = ISCLOSE.parse(args, kw);
            double x = Args.asDouble(a[0]), y = Args.asDouble(a[1]);
            double rel = a[2] == null ? 1e-9 : Args.asDouble(a[2]), abs = a[3] == null ? 0.0 : Args.asDouble(a[3]);
            if (rel < 0 || abs < 0) throw Errors.valueError("tolerances must be non-negative");
            if (x == y) return PyBool.TRUE;
            if (Double.isInfinite(x) || Double.isInfinite(y)) return PyBool.FALSE;
            double diff = Math.abs(y - x);
            return PyBool.of(diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs);
        });
        m.def("log", (Fn.FV) (mod, args, kw) -> {
            Args.noKw("log", kw);
            Args.count("log", args, 1, 2);
            double num = logHelper(args[0], Math::log);
            if (args.length == 1) return PyFloat.of(num);
            double den = logHelper(args[1], Math::log);
            if (den == 0) throw Errors.zeroDivision("float division by zero");
            return PyFloat.of(num / den);
        });
        m.def("log2", (Fn.F1) (mod, x) -> PyFloat.of(logHelper(x, MathModule::log2)));
        m.def("log10", (Fn.F1) (mod, x) -> PyFloat.of(logHelper(x, Math::log10)));
        m.def("fsum", (Fn.F1) (mod, seq) -> PyFloat.of(fsum(seq)));
        m.def("factorial", (Fn.F1) (mod, n) -> {
            if (n instanceof PyFloat) throw Errors.typeError("'float' object cannot be interpreted as an integer");
            BigInteger v = Args.asBig(n);
            if (v.signum() < 0) throw Errors.valueError("factorial() not defined for negative values");
            if (v.bitLength() > 63) throw Errors.overflow("factorial() argument should not exceed 9223372036854775807");
            return PyInt.of(product(1, v.longValueExact()));
        });
        m.def("comb", (Fn.F2) (mod, no, ko) -> {
            BigInteger n = Args.asBig(no), k = Args.asBig(ko);
            if (n.signum() < 0) throw Errors.valueError("n must be a non-negative integer");
            if (k.signum() < 0) throw Errors.valueError("k must be a non-negative integer");
            if (k.compareTo(n) > 0) return PyInt.of(0);
            BigInteger nk = n.subtract(k);
            if (nk.compareTo(k) < 0) k = nk;
            if (k.bitLength() > 31) throw Errors.overflow("min(n - k, k) must not exceed 2147483647");
            return PyInt.of(comb(n, k.intValue()));
        });
        m.def("perm", (Fn.FV) (mod, args, kw) -> {
            Args.noKw("perm", kw);
            Args.count("perm", args, 1, 2);
            BigInteger n = Args.asBig(args[0]);
            if (n.signum() < 0) throw Errors.valueError("n must be a non-negative integer");
            BigInteger k = args.length < 2 || args[1] == PyNone.NONE ? n : Args.asBig(args[1]);
            if (k.signum() < 0) throw Errors.valueError("k must be a non-negative integer");
            if (k.compareTo(n) > 0) return PyInt.of(0);
            if (k.bitLength() > 31) throw Errors.overflow("k must not exceed 2147483647");
            BigInteger r = BigInteger.ONE;
            for (int i = 0; i < k.intValue(); i++) r = r.multiply(n.subtract(BigInteger.valueOf(i)));
            return PyInt.of(r);
        });
        m.def("isqrt", (Fn.F1) (mod, n) -> {
            BigInteger v = Args.asBig(n);
            if (v.signum() < 0) throw Errors.valueError("isqrt() argument must be nonnegative");
            return PyInt.of(v.sqrt());
        });
        m.def("gcd", (Fn.FV) (mod, args, kw) -> {
            Args.noKw("gcd", kw);
            BigInteger g = BigInteger.ZERO;
            for (PyObject a : args) g = g.gcd(Args.asBig(a));
            return PyInt.of(g);
        });
        m.def("lcm", (Fn.FV) (mod, args, kw) -> {
            Args.noKw("lcm", kw);
            BigInteger l = BigInteger.ONE;
            for (PyObject a : args) {
                BigInteger v = Args.asBig(a).abs();
                if (v.signum() == 0 || l.signum() == 0) {
                    l = BigInteger.ZERO;
                    continue;
                }
                l = l.divide(l.gcd(v)).multiply(v);
            }
            return PyInt.of(l);
        });
        m.def("prod", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = PROD.parse(args, kw);
            PyObject acc = a[1] == null ? PyInt.of(1) : RefCount.newRef(a[1]);
            try (Iter it = Iter.of(a[0])) {
                PyObject x;
                while ((x = it.next()) != null) {
                    try {
                        PyObject n = mulFast(acc, x);
                        RefCount.decref(acc);
                        acc = n;
                    } finally {
                        RefCount.decref(x);
                    }
                }
            } catch (PyException e) {
                RefCount.decref(acc);
                throw e;
            }
            return acc;
        });
        m.def("sumprod", (Fn.F2) (mod, p, q) -> sumprod(p, q));
        return m;
    }

    private static final ArgParser NEXTAFTER = ArgParser.of("nextafter", 2, 2, "x", "y", "*", "steps");
    private static final ArgParser ISCLOSE = ArgParser.of("isclose", 2, 2, "a", "b", "*", "rel_tol", "abs_tol");
    private static final ArgParser PROD = ArgParser.of("prod", 1, 1, "iterable", "*", "start");

    private static void unary(PyModule m, String name, DoubleUnaryOperator f, boolean canOverflow) {
        m.def(name, (Fn.F1) (mod, x) -> math1(x, f, canOverflow));
    }

    /** Correctly rounded cube root: Java's is within 1 ulp; pick the neighbour whose cube is nearest. */
    static double cbrt(double x) {
        double r = Math.cbrt(x);
        if (x == 0 || !Double.isFinite(x)) return r;
        BigDecimal bx = new BigDecimal(x);
        double best = r;
        BigDecimal bestErr = null;
        for (double c : new double[] {Math.nextDown(r), r, Math.nextUp(r)}) {
            BigDecimal bc = new BigDecimal(c);
            BigDecimal err = bc.multiply(bc).multiply(bc).subtract(bx).abs();
            if (bestErr == null || err.compareTo(bestErr) < 0) {
                bestErr = err;
                best = c;
            }
        }
        return best;
    }

    /** math.pow: C99 pow with CPython's error classification. */
    static double pow(double x, double y) {
        if (y == 0 || x == 1) return 1.0;
        if (x == -1 && Double.isInfinite(y)) return 1.0; // C99, where Java says NaN
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
        double r = Math.pow(x, y);
        if (Double.isFinite(x) && Double.isFinite(y)) {
            if (Double.isNaN(r)) throw domain();
            if (Double.isInfinite(r)) {
                if (x == 0) throw domain(); // 0 ** negative
                throw range();
            }
        }
        return r;
    }

    /** Accurate Euclidean norm: the exact sum of squares, square-rooted once. */
    static double norm(double[] v) {
        boolean nan = false;
        for (double d : v) {
            if (Double.isInfinite(d)) return Double.POSITIVE_INFINITY;
            if (Double.isNaN(d)) nan = true;
        }
        if (nan) return Double.NaN;
        if (v.length == 0) return 0.0;
        if (v.length == 1) return Math.abs(v[0]);
        BigDecimal sum = BigDecimal.ZERO;
        for (double d : v) {
            BigDecimal b = new BigDecimal(d);
            sum = sum.add(b.multiply(b));
        }
        if (sum.signum() == 0) return 0.0;
        return sum.sqrt(new MathContext(40, RoundingMode.HALF_EVEN)).doubleValue();
    }

    /** CPython's loghelper: ints too large for a float are split into mantissa and exponent. */
    static double logHelper(PyObject arg, DoubleUnaryOperator f) {
        if (arg instanceof PyInt i) {
            BigInteger v = i.bigValue();
            if (v.signum() <= 0) throw domain();
            double d = v.doubleValue();
            if (Double.isInfinite(d)) {
                // too large for a float: v = mant * 2**e with mant in [0.5, 1), correctly rounded
                int e = v.bitLength();
                double mant = new BigDecimal(v).divide(new BigDecimal(BigInteger.ONE.shiftLeft(e))).doubleValue();
                if (mant == 1.0) {
                    mant = 0.5;
                    e++;
                }
                return f.applyAsDouble(mant) + f.applyAsDouble(2.0) * e;
            }
            return f.applyAsDouble(d);
        }
        double x = Args.asDouble(arg);
        if (Double.isNaN(x)) return x;
        if (x <= 0) throw domain();
        return f.applyAsDouble(x);
    }

    static double log2(double x) {
        if (Double.isInfinite(x)) return x;
        if (x > 0 && Double.isFinite(x)) {
            long bits = Double.doubleToRawLongBits(x);
            if ((bits & 0x000fffffffffffffL) == 0 && Math.getExponent(x) >= Double.MIN_EXPONENT) {
                return Math.getExponent(x);
            }
            return BigMath.ln(new BigDecimal(x)).divide(BigMath.LN2, BigMath.MC).doubleValue();
        }
        return Math.log(x) / Math.log(2);
    }

    static double fsum(PyObject seq) {
        BigDecimal sum = BigDecimal.ZERO;
        boolean posInf = false, negInf = false, nan = false;
        try (Iter it = Iter.of(seq)) {
            PyObject x;
            while ((x = it.next()) != null) {
                double d;
                try {
                    d = Args.asDouble(x);
                } finally {
                    RefCount.decref(x);
                }
                if (Double.isNaN(d)) nan = true;
                else if (d == Double.POSITIVE_INFINITY) posInf = true;
                else if (d == Double.NEGATIVE_INFINITY) negInf = true;
                else if (d != 0) sum = sum.add(new BigDecimal(d), EXACT);
            }
        }
        if (posInf && negInf) throw Errors.valueError("-inf + inf in fsum");
        if (nan) return Double.NaN;
        if (posInf) return Double.POSITIVE_INFINITY;
        if (negInf) return Double.NEGATIVE_INFINITY;
        if (sum.abs().compareTo(OVERFLOW_BOUND) >= 0) throw Errors.overflow("intermediate overflow in fsum");
        return sum.doubleValue();
    }

    static double gamma(double x) {
        if (Double.isNaN(x)) return x;
        if (x == Double.POSITIVE_INFINITY) return x;
        if (x == Double.NEGATIVE_INFINITY || (x <= 0 && x == Math.rint(x))) {
            if (x == 0) throw domain();
            throw domain();
        }
        if (x == Math.rint(x) && x <= 23) {
            return new BigDecimal(product(1, (long) x - 1)).doubleValue();
        }
        if (x > 171.7) throw range();
        if (x < -190) {
            // |gamma| underflows to zero here; only the sign matters
            double s = BigMath.sinPi(new BigDecimal(x)).signum();
            return s > 0 ? -0.0 : 0.0;
        }
        double r = BigMath.gamma(x).doubleValue();
        if (Double.isInfinite(r)) throw range();
        return r;
    }

    static double lgamma(double x) {
        if (Double.isNaN(x)) return x;
        if (Double.isInfinite(x)) return Double.POSITIVE_INFINITY;
        if (x <= 0 && x == Math.rint(x)) throw domain();
        if (x == 1 || x == 2) return 0.0;
        if (Math.abs(x) > 2.5e305) throw range();
        return BigMath.lgamma(x).doubleValue();
    }

    /** lo * (lo+1) * ... * hi by binary splitting (fast for factorials). */
    static BigInteger product(long lo, long hi) {
        if (lo > hi) return BigInteger.ONE;
        if (hi - lo < 16) {
            BigInteger r = BigInteger.valueOf(lo);
            for (long i = lo + 1; i <= hi; i++) r = r.multiply(BigInteger.valueOf(i));
            return r;
        }
        long mid = (lo + hi) >>> 1;
        return product(lo, mid).multiply(product(mid + 1, hi));
    }

    static BigInteger comb(BigInteger n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            r = r.multiply(n.subtract(BigInteger.valueOf(k - i))).divide(BigInteger.valueOf(i));
        }
        return r;
    }

    /** acc * x with int/float fast paths (the runtime's Ops.mul otherwise). */
    static PyObject mulFast(PyObject a, PyObject b) {
        if (a.type() == PyInt.TYPE && b.type() == PyInt.TYPE) {
            return PyInt.of(((PyInt) a).bigValue().multiply(((PyInt) b).bigValue()));
        }
        boolean fa = a.type() == PyFloat.TYPE, fb = b.type() == PyFloat.TYPE;
        if ((fa || a.type() == PyInt.TYPE) && (fb || b.type() == PyInt.TYPE) && (fa || fb)) {
            return PyFloat.of(Args.asDouble(a) * Args.asDouble(b));
        }
        return Ops.mul(a, b);
    }

    static PyObject sumprod(PyObject p, PyObject q) {
        List<PyObject> ps = Args.toList(p), qs = Args.toList(q);
        try {
            if (ps.size() != qs.size()) throw Errors.valueError("Inputs are not the same length");
            boolean allInt = true, allReal = true;
            for (List<PyObject> l : List.of(ps, qs)) {
                for (PyObject x : l) {
                    boolean isInt = x.type() == PyInt.TYPE || x.type() == PyBool.TYPE;
                    if (!isInt) allInt = false;
                    if (!isInt && x.type() != PyFloat.TYPE) allReal = false;
                }
            }
            if (allInt) {
                BigInteger s = BigInteger.ZERO;
                for (int i = 0; i < ps.size(); i++) {
                    s = s.add(((PyInt) ps.get(i)).bigValue().multiply(((PyInt) qs.get(i)).bigValue()));
                }
                return PyInt.of(s);
            }
            if (allReal) {
                BigDecimal s = BigDecimal.ZERO;
                for (int i = 0; i < ps.size(); i++) {
                    double a = Args.asDouble(ps.get(i)), b = Args.asDouble(qs.get(i));
                    if (!Double.isFinite(a) || !Double.isFinite(b)) {
                        double r = 0;
                        for (int j = 0; j < ps.size(); j++) r += Args.asDouble(ps.get(j)) * Args.asDouble(qs.get(j));
                        return PyFloat.of(r);
                    }
                    s = s.add(new BigDecimal(a).multiply(new BigDecimal(b)));
                }
                return PyFloat.of(s.doubleValue());
            }
            PyObject acc = PyInt.of(0);
            for (int i = 0; i < ps.size(); i++) {
                PyObject prod = Ops.mul(ps.get(i), qs.get(i));
                PyObject n;
                try {
                    n = Ops.add(acc, prod);
                } finally {
                    RefCount.decref(prod);
                    RefCount.decref(acc);
                }
                acc = n;
            }
            return acc;
        } finally {
            Args.decrefAll(ps);
            Args.decrefAll(qs);
        }
    }
}
