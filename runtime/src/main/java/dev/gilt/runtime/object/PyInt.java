package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;
import java.math.BigInteger;

/**
 * {@code int}: arbitrary precision, with a fast path for values that fit in a long ({@link #big}
 * is null then). Values -5..256 are cached and immortal, as in CPython.
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

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return big != null ? big.toString() : Long.toString(value);
    }
}
