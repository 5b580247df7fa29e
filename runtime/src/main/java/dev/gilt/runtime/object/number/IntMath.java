package dev.gilt.runtime.object.number;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Integer arithmetic with Python's semantics: arbitrary precision, floor division and modulo,
 * two's-complement bitwise operators on negative numbers, correctly rounded true division.
 * Every operation has a long fast path (overflow detected without exceptions where cheap) and a
 * BigInteger path. Operands are borrowed {@link PyInt}s (exact or subclass instances: only the
 * value is read); results are new references to exact ints.
 */
public final class IntMath {
    private IntMath() {}

    // ---- conversions ------------------------------------------------------------------------

    /** float(a), correctly rounded; OverflowError when out of range (CPython's PyLong_AsDouble). */
    public static double toDouble(PyInt a) {
        if (a.big == null) return (double) a.value; // JLS: round to nearest even
        double d = a.big.doubleValue(); // correctly rounded since JDK 8
        if (Double.isInfinite(d)) throw Errors.overflow("int too large to convert to float");
        return d;
    }

    /**
     * The double nearest to {@code m * 2**e} (ties to even), where {@code sticky} says the true
     * value is a little more than that (a non-zero remainder was dropped). m must be positive.
     * Returns infinity on overflow; underflows gradually through the subnormals to zero.
     */
    public static double roundToDouble(long m, boolean sticky, long e) {
        int bl = 64 - Long.numberOfLeadingZeros(m);
        if (bl < 62) {
            // Widen so at least 9 bits are dropped below: sticky then only matters for the tie.
            int s = 62 - bl;
            m <<= s;
            e -= s;
            bl = 62;
        }
        long top = bl - 1 + e; // exponent of the leading bit
        if (top > 1023) return Double.POSITIVE_INFINITY;
        long keepL = top >= -1022 ? 53 : 53 - (-1022 - top);
        if (keepL < 0) return 0.0;
        int keep = (int) keepL;
        int drop = bl - keep;
        long kept = m >>> drop;
        long rem = m & ((1L << drop) - 1);
        long half = 1L << (drop - 1);
        if (rem > half || (rem == half && (sticky || (kept & 1) == 1))) kept++;
        return Math.scalb((double) kept, (int) (e + drop));
    }

    /** Like {@link #roundToDouble(long, boolean, long)} for a positive BigInteger mantissa. */
    public static double roundToDouble(BigInteger m, boolean sticky, long e) {
        int bl = m.bitLength();
        if (bl > 62) {
            int s = bl - 62;
            sticky |= m.getLowestSetBit() < s;
            m = m.shiftRight(s);
            e += s;
        }
        return roundToDouble(m.longValue(), sticky, e);
    }

    /** a / b correctly rounded (CPython's long_true_divide). */
    public static double trueDivide(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) {
            long x = a.value, y = b.value;
            if (y == 0) throw Errors.zeroDivision("division by zero");
            if (Math.abs(x) <= (1L << 53) && Math.abs(y) <= (1L << 53)) return (double) x / (double) y;
        }
        BigInteger x = a.bigValue(), y = b.bigValue();
        if (y.signum() == 0) throw Errors.zeroDivision("division by zero");
        boolean negative = x.signum() * y.signum() < 0;
        if (x.signum() == 0) return y.signum() < 0 ? -0.0 : 0.0;
        x = x.abs();
        y = y.abs();
        long diff = (long) x.bitLength() - y.bitLength();
        if (diff > 1026) throw Errors.overflow("integer division result too large for a float");
        double r;
        if (diff < -1080) {
            r = 0.0;
        } else {
            int shift = (int) (55 - diff); // the quotient gets 55 or 56 bits
            BigInteger[] qr = shift >= 0 ? x.shiftLeft(shift).divideAndRemainder(y)
                    : x.divideAndRemainder(y.shiftLeft(-shift));
            r = roundToDouble(qr[0], qr[1].signum() != 0, -shift);
            if (Double.isInfinite(r)) throw Errors.overflow("integer division result too large for a float");
        }
        return negative ? -r : r;
    }

    // ---- comparison -----------------------------------------------------------------------

    public static int compare(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) return Long.compare(a.value, b.value);
        return a.bigValue().compareTo(b.bigValue());
    }

    /** Sign of (a - d) computed exactly, for finite or infinite (not NaN) d. */
    public static int compareWithDouble(PyInt a, double d) {
        if (Double.isInfinite(d)) return d > 0 ? -1 : 1;
        if (a.big == null && Math.abs(a.value) <= (1L << 53)) {
            double x = a.value;
            return x < d ? -1 : (x > d ? 1 : 0);
        }
        double f = Math.floor(d);
        int c = a.bigValue().compareTo(new BigDecimal(f).toBigIntegerExact());
        if (c != 0) return c;
        return f == d ? 0 : -1;
    }

    // ---- + - * ----------------------------------------------------------------------------

    public static PyInt add(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) {
            long x = a.value, y = b.value, r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) return PyInt.of(r);
        }
        return PyInt.of(a.bigValue().add(b.bigValue()));
    }

    public static PyInt sub(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) {
            long x = a.value, y = b.value, r = x - y;
            if (((x ^ y) & (x ^ r)) >= 0) return PyInt.of(r);
        }
        return PyInt.of(a.bigValue().subtract(b.bigValue()));
    }

    public static PyInt mul(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) {
            long x = a.value, y = b.value;
            long hi = Math.multiplyHigh(x, y), lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return PyInt.of(lo);
        }
        return PyInt.of(a.bigValue().multiply(b.bigValue()));
    }

    public static PyInt neg(PyInt a) {
        if (a.big == null && a.value != Long.MIN_VALUE) return PyInt.of(-a.value);
        return PyInt.of(a.bigValue().negate());
    }

    public static PyInt abs(PyInt a) {
        if (a.big == null) {
            if (a.value >= 0) return PyInt.of(a.value);
            if (a.value != Long.MIN_VALUE) return PyInt.of(-a.value);
        }
        return PyInt.of(a.bigValue().abs());
    }

    // ---- // % divmod ------------------------------------------------------------------------

    public static PyInt floorDivide(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) {
            long x = a.value, y = b.value;
            if (y == 0) throw Errors.zeroDivision("integer division or modulo by zero");
            if (!(x == Long.MIN_VALUE && y == -1)) return PyInt.of(Math.floorDiv(x, y));
        }
        return PyInt.of(bigDivmod(a, b, "integer division or modulo by zero")[0]);
    }

    public static PyInt mod(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) {
            long y = b.value;
            if (y == 0) throw Errors.zeroDivision("integer modulo by zero");
            return PyInt.of(Math.floorMod(a.value, y));
        }
        return PyInt.of(bigDivmod(a, b, "integer modulo by zero")[1]);
    }

    /** divmod(a, b) as a new tuple. */
    public static PyTuple divmod(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) {
            long x = a.value, y = b.value;
            if (y == 0) throw Errors.zeroDivision("integer division or modulo by zero");
            if (!(x == Long.MIN_VALUE && y == -1)) {
                return PyTuple.steal(PyInt.of(Math.floorDiv(x, y)), PyInt.of(Math.floorMod(x, y)));
            }
        }
        BigInteger[] qr = bigDivmod(a, b, "integer division or modulo by zero");
        return PyTuple.steal(PyInt.of(qr[0]), PyInt.of(qr[1]));
    }

    private static BigInteger[] bigDivmod(PyInt a, PyInt b, String zeroMessage) {
        BigInteger y = b.bigValue();
        if (y.signum() == 0) throw Errors.zeroDivision(zeroMessage);
        BigInteger[] qr = a.bigValue().divideAndRemainder(y); // truncating
        if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(y);
        }
        return qr;
    }

    // ---- ** ---------------------------------------------------------------------------------

    /** a ** b: an int for b >= 0, else float(a) ** float(b) (CPython's long_pow). */
    public static PyObject pow(PyInt a, PyInt b) {
        if (b.signum() < 0) return PyFloat.of(FloatMath.pow(toDouble(a), toDouble(b)));
        if (a.big == null && b.big == null && a.value != 0) {
            long r = powLong(a.value, b.value);
            if (r != 0) return PyInt.of(r);
        }
        BigInteger x = a.bigValue();
        if (x.signum() == 0) return PyInt.of(b.signum() == 0 ? 1 : 0);
        if (x.equals(BigInteger.ONE)) return PyInt.of(1);
        if (x.equals(BigInteger.ONE.negate())) return PyInt.of(b.bigValue().testBit(0) ? -1 : 1);
        if (b.big != null || b.value > Integer.MAX_VALUE || (double) x.bitLength() * b.value > Integer.MAX_VALUE - 64) {
            throw Errors.of(PyExc.MemoryError);
        }
        return PyInt.of(x.pow((int) b.value));
    }

    /** x**n for x != 0 and n >= 0, or 0 (impossible as a true result) when it overflows a long. */
    private static long powLong(long x, long n) {
        long result = 1, base = x;
        while (true) {
            if ((n & 1) != 0) {
                long hi = Math.multiplyHigh(result, base), lo = result * base;
                if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) return 0;
                result = lo;
            }
            n >>>= 1;
            if (n == 0) return result;
            long hi = Math.multiplyHigh(base, base), lo = base * base;
            if (!(hi == 0 && lo >= 0)) return 0;
            base = lo;
        }
    }

    /** pow(a, b, m) for ints (3.8+: negative exponents use the modular inverse). */
    public static PyInt powMod(PyInt a, PyInt b, PyInt m) {
        BigInteger mod = m.bigValue();
        if (mod.signum() == 0) throw Errors.valueError("pow() 3rd argument cannot be 0");
        BigInteger mabs = mod.abs();
        BigInteger base = a.bigValue().mod(mabs);
        BigInteger e = b.bigValue();
        BigInteger r;
        if (mabs.equals(BigInteger.ONE)) {
            r = BigInteger.ZERO;
        } else if (e.signum() < 0) {
            try {
                r = base.modInverse(mabs).modPow(e.negate(), mabs);
            } catch (ArithmeticException ex) {
                throw Errors.valueError("base is not invertible for the given modulus");
            }
        } else {
            r = base.modPow(e, mabs);
        }
        if (mod.signum() < 0 && r.signum() != 0) r = r.subtract(mabs);
        return PyInt.of(r);
    }

    // ---- shifts and bitwise -----------------------------------------------------------------

    public static PyInt lshift(PyInt a, PyInt b) {
        if (b.signum() < 0) throw Errors.valueError("negative shift count");
        if (a.signum() == 0) return PyInt.of(0);
        if (b.big != null) throw Errors.overflow("too many digits in integer");
        long s = b.value;
        if (a.big == null && s < 63) {
            long x = a.value, r = x << s;
            if (r >> s == x) return PyInt.of(r);
        }
        if (s > Integer.MAX_VALUE - 64 || a.bigValue().bitLength() + s > Integer.MAX_VALUE - 64) {
            throw Errors.of(PyExc.MemoryError);
        }
        return PyInt.of(a.bigValue().shiftLeft((int) s));
    }

    public static PyInt rshift(PyInt a, PyInt b) {
        if (b.signum() < 0) throw Errors.valueError("negative shift count");
        if (b.big != null || b.value > Integer.MAX_VALUE) return PyInt.of(a.signum() < 0 ? -1 : 0);
        long s = b.value;
        if (a.big == null) return PyInt.of(s >= 64 ? (a.value < 0 ? -1 : 0) : a.value >> s);
        return PyInt.of(a.big.shiftRight((int) s)); // floor semantics, as Python's
    }

    public static PyInt and(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) return PyInt.of(a.value & b.value);
        return PyInt.of(a.bigValue().and(b.bigValue()));
    }

    public static PyInt or(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) return PyInt.of(a.value | b.value);
        return PyInt.of(a.bigValue().or(b.bigValue()));
    }

    public static PyInt xor(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) return PyInt.of(a.value ^ b.value);
        return PyInt.of(a.bigValue().xor(b.bigValue()));
    }

    public static PyInt invert(PyInt a) {
        if (a.big == null) return PyInt.of(~a.value);
        return PyInt.of(a.big.not());
    }

    // ---- misc -------------------------------------------------------------------------------

    /** round(a, ndigits) for ints: round half to even at 10**-ndigits (CPython's long_round). */
    public static PyInt round(PyInt a, PyInt ndigits) {
        if (ndigits.signum() >= 0) return PyInt.of(a.bigValue());
        if (ndigits.big != null || ndigits.value < -100000) {
            // 10**n exceeds any int we can hold: everything rounds to 0.
            return PyInt.of(0);
        }
        BigInteger p = BigInteger.TEN.pow((int) -ndigits.value);
        BigInteger[] qr = a.bigValue().divideAndRemainder(p);
        if (qr[1].signum() < 0) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(p);
        }
        int c = qr[1].shiftLeft(1).compareTo(p);
        if (c > 0 || (c == 0 && qr[0].testBit(0))) qr[0] = qr[0].add(BigInteger.ONE);
        return PyInt.of(qr[0].multiply(p));
    }

    public static long bitLength(PyInt a) {
        if (a.big == null) {
            long v = a.value;
            if (v == Long.MIN_VALUE) return 64;
            return 64 - Long.numberOfLeadingZeros(Math.abs(v));
        }
        return a.big.abs().bitLength();
    }

    public static long bitCount(PyInt a) {
        if (a.big == null) {
            long v = a.value;
            return v == Long.MIN_VALUE ? 1 : Long.bitCount(Math.abs(v));
        }
        return a.big.abs().bitCount();
    }

    /** The outcome of rich comparison {@code op} (Ops.LT..Ops.GE) given the sign of a - b. */
    public static boolean test(int c, int op) {
        return switch (op) {
            case 0 -> c < 0;
            case 1 -> c <= 0;
            case 2 -> c == 0;
            case 3 -> c != 0;
            case 4 -> c > 0;
            default -> c >= 0;
        };
    }
}
