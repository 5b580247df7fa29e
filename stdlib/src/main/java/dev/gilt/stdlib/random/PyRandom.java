package dev.gilt.stdlib.random;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * {@code _random.Random}: the Mersenne Twister MT19937 with CPython's seeding, so a seeded
 * generator produces CPython's sequence: {@code seed(n)} feeds the 32-bit words of |n| (least
 * significant first) to init_by_array; {@code random()} builds a 53-bit float from two outputs
 * ({@code (a >> 5) * 2**26 + (b >> 6)) / 2**53}); {@code getrandbits(k)} fills 32-bit words from
 * the least significant end, the last one shifted right to keep its top bits.
 */
public final class PyRandom extends PyObject {
    public static final PyType TYPE = Attr.install(PyType.builtin("Random", PyRandom.class), "_random");

    private static final int N = 624, M = 397;
    private static final int MATRIX_A = 0x9908b0df, UPPER = 0x80000000, LOWER = 0x7fffffff;

    private final int[] mt = new int[N];
    private int mti = N + 1;

    public PyRandom() {
        seedRandomly();
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (mti = 1; mti < N; mti++) {
            mt[mti] = 1812433253 * (mt[mti - 1] ^ (mt[mti - 1] >>> 30)) + mti;
        }
    }

    /** The reference init_by_array. */
    void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1, j = 0;
        int k = Math.max(N, key.length);
        for (; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) j = 0;
        }
        for (k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
        mti = N;
    }

    /** The next 32 random bits (as an unsigned value in an int). */
    public int next32() {
        int y;
        if (mti >= N) {
            int kk;
            for (kk = 0; kk < N - M; kk++) {
                y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
                mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            }
            for (; kk < N - 1; kk++) {
                y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
                mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            }
            y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
            mti = 0;
        }
        y = mt[mti++];
        y ^= (y >>> 11);
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= (y >>> 18);
        return y;
    }

    /** random(): a float in [0, 1) with 53 random bits. */
    public double random() {
        long a = (next32() & 0xffffffffL) >>> 5, b = (next32() & 0xffffffffL) >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** getrandbits(k) for k &gt;= 0. */
    public BigInteger getrandbits(long k) {
        if (k < 0) throw Errors.valueError("number of bits must be non-negative");
        if (k == 0) return BigInteger.ZERO;
        if (k <= 32) return BigInteger.valueOf((next32() & 0xffffffffL) >>> (32 - k));
        if (k <= 63) {
            long lo = next32() & 0xffffffffL;
            long hi = (next32() & 0xffffffffL) >>> (64 - k);
            return BigInteger.valueOf((hi << 32) | lo);
        }
        if (k > Integer.MAX_VALUE - 64) throw Errors.overflow("getrandbits() argument too large");
        int words = (int) ((k - 1) / 32 + 1);
        byte[] be = new byte[words * 4 + 1]; // big-endian with a zero sign byte
        long left = k;
        for (int w = 0; w < words; w++, left -= 32) {
            long r = next32() & 0xffffffffL;
            if (left < 32) r >>>= (32 - left);
            int off = be.length - 4 * (w + 1);
            be[off] = (byte) (r >>> 24);
            be[off + 1] = (byte) (r >>> 16);
            be[off + 2] = (byte) (r >>> 8);
            be[off + 3] = (byte) r;
        }
        return new BigInteger(be);
    }

    /** seed(n) for a non-negative integer: its 32-bit words, least significant first. */
    public void seed(BigInteger n) {
        n = n.abs();
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int i = 0; i < words; i++) key[i] = n.shiftRight(32 * i).intValue();
        initByArray(key);
    }

    void seedRandomly() {
        SecureRandom sr = new SecureRandom();
        int[] key = new int[N];
        for (int i = 0; i < N; i++) key[i] = sr.nextInt();
        initByArray(key);
    }

    /** seed(arg): None → from the OS; int → its value; anything else → its hash. */
    void seed(PyObject arg) {
        if (arg == null || arg == PyNone.NONE) {
            seedRandomly();
        } else if (arg instanceof PyInt i) {
            seed(i.bigValue());
        } else {
            seed(BigInteger.valueOf(Ops.hash(arg)));
        }
    }

    PyObject getstate() {
        PyObject[] items = new PyObject[N + 1];
        for (int i = 0; i < N; i++) items[i] = PyInt.of(mt[i] & 0xffffffffL);
        items[N] = PyInt.of(mti);
        return PyTuple.steal(items);
    }

    void setstate(PyObject state) {
        if (!(state instanceof PyTuple t)) throw Errors.typeError("state vector must be a tuple");
        if (t.size() != N + 1) throw Errors.valueError("state vector is the wrong size");
        int[] v = new int[N];
        for (int i = 0; i < N; i++) {
            BigInteger b = Args.asBig(t.get(i));
            if (b.signum() < 0 || b.bitLength() > 32) throw Errors.overflow("Python int too large to convert to C unsigned long");
            v[i] = b.intValue();
        }
        long index = Args.asLong(t.get(N));
        if (index < 0 || index > N) throw Errors.valueError("invalid state");
        System.arraycopy(v, 0, mt, 0, N);
        mti = (int) index;
    }

    static {
        TYPE.newInstance = (type, args, kw) -> {
            if (kw != null && kw.size() > 0 && type == TYPE) throw Errors.typeError("Random() takes no keyword arguments");
            if (args.length > 1) throw Errors.typeError("Random() expected at most 1 argument, got %d", args.length);
            PyRandom r = new PyRandom();
            if (args.length == 1) r.seed(args[0]);
            return r;
        };
        TYPE.init = (self, args, kw) -> { };
        PyMethodDescr.define(TYPE, "random", (Fn.F0) self -> PyFloat.of(((PyRandom) self).random()));
        PyMethodDescr.define(TYPE, "getrandbits", (Fn.F1) (self, k) -> PyInt.of(((PyRandom) self).getrandbits(Args.asLong(k))));
        PyMethodDescr.define(TYPE, "seed", (Fn.FV) (self, args, kw) -> {
            Args.noKw("seed", kw);
            Args.count("seed", args, 0, 1);
            ((PyRandom) self).seed(args.length == 0 ? null : args[0]);
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "getstate", (Fn.F0) self -> ((PyRandom) self).getstate());
        PyMethodDescr.define(TYPE, "setstate", (Fn.F1) (self, s) -> {
            ((PyRandom) self).setstate(s);
            return PyNone.NONE;
        });
    }

}
