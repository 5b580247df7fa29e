package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;
import java.math.BigInteger;

/**
 * {@code range_iterator}: the next value, the step and how many values remain, all longs.
 * The VM's FOR_ITER fast path may use {@link #hasNext()} and {@link #nextLong()} instead of the
 * {@code next} slot (no int object is created for values it keeps unboxed).
 * {@link Long} is {@code longrange_iterator}, for ranges beyond the long range.
 */
public final class PyRangeIterator extends PyObject {
    public static final PyType TYPE = PyType.builtin("range_iterator", PyRangeIterator.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.iter = RefCount::newRef;
        TYPE.next = o -> ((PyRangeIterator) o).next();
        PyMethodDescr.define(TYPE, "__length_hint__", (Fn.F0) self -> PyInt.of(((PyRangeIterator) self).remaining));
    }

    private long next;
    private final long step;
    private long remaining;

    public PyRangeIterator(long start, long step, long length) {
        this.next = start;
        this.step = step;
        this.remaining = length;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** True when {@link #nextLong()} may be called. */
    public boolean hasNext() {
        return remaining > 0;
    }

    /** The next value; only when {@link #hasNext()}. */
    public long nextLong() {
        long v = next;
        next = v + step; // may wrap after the last value; never read then
        remaining--;
        return v;
    }

    /** The next value as a new int reference, or null when exhausted. */
    public PyObject next() {
        return remaining > 0 ? PyInt.of(nextLong()) : null;
    }

    /** {@code longrange_iterator}: a range iterator in BigInteger arithmetic. */
    public static final class Long extends PyObject {
        public static final PyType TYPE = PyType.builtin("longrange_iterator", Long.class);

        static {
            TYPE.flags &= ~PyType.BASETYPE;
            TYPE.iter = RefCount::newRef;
            TYPE.next = o -> ((Long) o).next();
            PyMethodDescr.define(TYPE, "__length_hint__", (Fn.F0) self -> PyInt.of(((Long) self).remaining));
        }

        private BigInteger next;
        private final BigInteger step;
        private BigInteger remaining;

        public Long(BigInteger start, BigInteger step, BigInteger length) {
            this.next = start;
            this.step = step;
            this.remaining = length;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        public PyObject next() {
            if (remaining.signum() <= 0) return null;
            BigInteger v = next;
            next = v.add(step);
            remaining = remaining.subtract(BigInteger.ONE);
            return PyInt.of(v);
        }
    }
}
