package dev.gilt.runtime.object.number;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyStr;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Float arithmetic with Python's semantics (Objects/floatobject.c): floor division, modulo, **. */
public final class FloatMath {
    private FloatMath() {}

    public static double trueDivide(double a, double b) {
        if (b == 0) throw Errors.zeroDivision("float division by zero");
        return a / b;
    }

    /** a % b with the sign of b (Python's float modulo, not C's fmod). */
    public static double mod(double a, double b) {
        if (b == 0) throw Errors.zeroDivision("float modulo");
        return modUnchecked(a, b);
    }

    private static double modUnchecked(double a, double b) {
        double m = a % b; // IEEE fmod: exact
        if (m != 0) {
            if ((b < 0) != (m < 0)) m += b;
        } else {
            m = Math.copySign(0.0, b);
        }
        return m;
    }

    public static double floorDivide(double a, double b) {
        if (b == 0) throw Errors.zeroDivision("float floor division by zero");
        return divmodUnchecked(a, b)[0];
    }

    /** divmod(a, b) as {floordiv, mod}. */
    public static double[] divmod(double a, double b) {
        if (b == 0) throw Errors.zeroDivision("float divmod()");
        return divmodUnchecked(a, b);
    }

    private static double[] divmodUnchecked(double a, double b) {
        double m = a % b;
        // a - m is exactly a multiple of b (up to rounding of the division below).
        double div = (a - m) / b;
        if (m != 0) {
            if ((b < 0) != (m < 0)) {
                m += b;
                div -= 1.0;
            }
        } else {
            m = Math.copySign(0.0, b);
        }
        double fd;
        if (div != 0) {
            fd = Math.floor(div);
            if (div - fd > 0.5) fd += 1.0;
        } else {
            fd = Math.copySign(0.0, a / b);
        }
        return new double[] {fd, m};
    }

    /** True when {@code v ** w} is complex in Python 3 (a negative base to a fractional power). */
    public static boolean powIsComplex(double v, double w) {
        return w != 0 && v < 0 && !Double.isInfinite(v) && !Double.isNaN(w) && !Double.isInfinite(w)
                && w != Math.floor(w);
    }

    private static boolean isOddInteger(double w) {
        return Math.abs(w % 2.0) == 1.0;
    }

    /** v ** w for the cases that stay real (check {@link #powIsComplex} first). */
    public static double pow(double v, double w) {
        if (w == 0) return 1.0;
        if (Double.isNaN(v)) return v;
        if (Double.isNaN(w)) return v == 1.0 ? 1.0 : w;
        if (Double.isInfinite(w)) {
            double av = Math.abs(v);
            if (av == 1.0) return 1.0;
            return (w > 0) == (av > 1.0) ? Double.POSITIVE_INFINITY : 0.0;
        }
        if (Double.isInfinite(v)) {
            boolean odd = isOddInteger(w);
            if (w > 0) return odd ? v : Math.abs(v);
            return odd ? Math.copySign(0.0, v) : 0.0;
        }
        if (v == 0) {
            if (w < 0) throw Errors.zeroDivision("0.0 cannot be raised to a negative power");
            return isOddInteger(w) ? v : 0.0;
        }
        boolean negate = false;
        if (v < 0) {
            // w is an integer here (else the result is complex)
            v = -v;
            negate = isOddInteger(w);
        }
        if (v == 1.0) return negate ? -1.0 : 1.0;
        double r = Math.pow(v, w);
        if (Double.isInfinite(r)) throw rangeError();
        return negate ? -r : r;
    }

    /** OverflowError(34, 'Numerical result out of range'), as CPython's errno-based error. */
    public static PyException rangeError() {
        PyInt code = PyInt.of(34);
        PyStr msg = PyStr.of("Numerical result out of range");
        try {
            return Errors.withArgs(PyExc.OverflowError, code, msg);
        } finally {
            dev.gilt.runtime.memory.RefCount.decref(msg);
        }
    }

    // ---- conversion to int ----------------------------------------------------------------

    /** int(d) (truncation), with CPython's errors for NaN and infinities. New reference. */
    public static PyInt toInt(double d) {
        if (Double.isNaN(d)) throw Errors.valueError("cannot convert float NaN to integer");
        if (Double.isInfinite(d)) throw Errors.overflow("cannot convert float infinity to integer");
        if (d > -9.2e18 && d < 9.2e18) return PyInt.of((long) d);
        return PyInt.of(new BigDecimal(d).toBigInteger());
    }

    /** round(d) with no ndigits: nearest int, ties to even. */
    public static PyInt roundToInt(double d) {
        return toInt(Math.rint(d));
    }

    private static final int NDIGITS_MAX = 323, NDIGITS_MIN = -308;

    /** round(d, ndigits): correctly rounded through the exact decimal value (ties to even). */
    public static double round(double d, long ndigits) {
        if (d == 0 || Double.isNaN(d) || Double.isInfinite(d) || ndigits > NDIGITS_MAX) return d;
        if (ndigits < NDIGITS_MIN) return 0.0 * d;
        BigDecimal r = new BigDecimal(d).setScale((int) ndigits, RoundingMode.HALF_EVEN);
        double out = Double.parseDouble(r.toString());
        if (Double.isInfinite(out)) throw Errors.overflow("rounded value too large to represent");
        if (out == 0) return Math.copySign(0.0, d);
        return out;
    }
}
