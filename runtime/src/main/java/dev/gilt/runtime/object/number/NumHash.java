package dev.gilt.runtime.object.number;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyObject;
import java.math.BigInteger;

/**
 * CPython's numeric hash (Python/pyhash.c, "Numeric types" in the library reference): every
 * rational value x hashes to x mod P with P = 2**61 - 1 (sign kept), so numbers that compare
 * equal hash equal across int, float, complex (and Fraction/Decimal in the stdlib). -1 becomes -2.
 */
public final class NumHash {
    private NumHash() {}

    /** The Mersenne prime 2**61 - 1 (sys.hash_info.modulus). */
    public static final long MODULUS = (1L << 61) - 1;
    public static final int BITS = 61;
    /** hash(inf); hash(-inf) is its negation (sys.hash_info.inf). */
    public static final long INF = 314159;
    /** Multiplier of the imaginary part's hash (sys.hash_info.imag). */
    public static final long IMAG = 1000003;

    private static final BigInteger BIG_MODULUS = BigInteger.valueOf(MODULUS);

    public static long ofLong(long v) {
        long h;
        if (v == Long.MIN_VALUE) {
            h = -(1L << (63 - BITS)); // 2**63 mod P == 2**2
        } else {
            h = Math.abs(v) % MODULUS;
            if (v < 0) h = -h;
        }
        return h == -1 ? -2 : h;
    }

    public static long ofBig(BigInteger v) {
        long h = v.abs().mod(BIG_MODULUS).longValue();
        if (v.signum() < 0) h = -h;
        return h == -1 ? -2 : h;
    }

    /**
     * hash(float). {@code owner} is the float object: NaN hashes by identity (CPython 3.10+),
     * so distinct NaNs do not collide in dicts.
     */
    public static long ofDouble(double d, PyObject owner) {
        if (Double.isNaN(d)) return owner == null ? 0 : identity(owner);
        if (Double.isInfinite(d)) return d > 0 ? INF : -INF;
        long h = ofFiniteAbs(Math.abs(d));
        if (d < 0) h = -h;
        return h == -1 ? -2 : h;
    }

    /** |d| * 2**e mod P for the exact binary value of finite non-negative d. */
    private static long ofFiniteAbs(double d) {
        if (d == 0) return 0;
        long bits = Double.doubleToRawLongBits(d);
        int exp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp = 1; // subnormal
        } else {
            mant |= 1L << 52;
        }
        int e = exp - 1075; // d == mant * 2**e
        // 2**e mod P == 2**(e mod 61) because 2**61 == 1 (mod P); mant < 2**53 < P.
        int r = Math.floorMod(e, BITS);
        return rotate(mant, r);
    }

    /** x * 2**r mod P for 0 <= x < P, 0 <= r < 61: a rotation within 61 bits. */
    private static long rotate(long x, int r) {
        if (r == 0) return x;
        return ((x << r) & MODULUS) | (x >>> (BITS - r));
    }

    /** hash(complex): hash(real) + IMAG * hash(imag), in wrapping unsigned arithmetic as CPython. */
    public static long ofComplex(double re, double im, PyObject owner) {
        long hr = ofDouble(re, owner);
        long hi = ofDouble(im, owner);
        long h = hr + IMAG * hi;
        return h == -1 ? -2 : h;
    }

    /** CPython's _Py_HashPointer over the object's id: rotated so low alignment bits matter. */
    public static long identity(PyObject o) {
        long y = RefCount.id(o);
        y = (y >>> 4) | (y << 60);
        return y == -1 ? -2 : y;
    }
}
