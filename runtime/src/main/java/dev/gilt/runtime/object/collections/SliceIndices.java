package dev.gilt.runtime.object.collections;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PySlice;
import java.math.BigInteger;

/**
 * A slice resolved against a sequence length (CPython's PySlice_Unpack followed by
 * PySlice_AdjustIndices): every sequence type uses it, so clamping and negative steps behave
 * the same everywhere.
 *
 * @param start first index taken (may be -1 or {@code length} when nothing is taken)
 * @param stop index where taking stops (exclusive, in the direction of {@code step})
 * @param step never 0
 * @param length how many items the slice takes (0 or more)
 */
public record SliceIndices(long start, long stop, long step, long length) {

    /** Resolves {@code slice} for a sequence of {@code len} items. */
    public static SliceIndices of(PySlice slice, long len) {
        return of(slice.start, slice.stop, slice.step, len);
    }

    /** Resolves start/stop/step objects (None or null for missing) against {@code len}. */
    public static SliceIndices of(PyObject startObj, PyObject stopObj, PyObject stepObj, long len) {
        return unpack(startObj, stopObj, stepObj).adjust(len);
    }

    /**
     * PySlice_Unpack: the bounds as longs (clamped, None replaced by the extremes for the step's
     * direction), not yet fitted to a length ({@link #length} is -1). Calls __index__ on them.
     */
    public static SliceIndices unpack(PyObject startObj, PyObject stopObj, PyObject stepObj) {
        long step = 1;
        if (stepObj != null && stepObj != PyNone.NONE) {
            step = Indices.sliceIndex(stepObj, 1);
            if (step == 0) throw Errors.valueError("slice step cannot be zero");
            // -step must not overflow when a reversed walk negates it.
            if (step < -Long.MAX_VALUE) step = -Long.MAX_VALUE;
        }
        long start = Indices.sliceIndex(startObj, step < 0 ? Long.MAX_VALUE : 0);
        long stop = Indices.sliceIndex(stopObj, step < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
        return new SliceIndices(start, stop, step, -1);
    }

    public static SliceIndices unpack(PySlice slice) {
        return unpack(slice.start, slice.stop, slice.step);
    }

    /** These (unpacked) bounds fitted to a sequence of {@code len} items. */
    public SliceIndices adjust(long len) {
        return adjust(start, stop, step, len);
    }

    /** PySlice_AdjustIndices: clamps start and stop into the sequence and counts the items. */
    public static SliceIndices adjust(long start, long stop, long step, long len) {
        if (start < 0) {
            start += len;
            if (start < 0) start = step < 0 ? -1 : 0;
        } else if (start >= len) {
            start = step < 0 ? len - 1 : len;
        }
        if (stop < 0) {
            stop += len;
            if (stop < 0) stop = step < 0 ? -1 : 0;
        } else if (stop >= len) {
            stop = step < 0 ? len - 1 : len;
        }
        long n = 0;
        if (step < 0) {
            if (stop < start) n = (start - stop - 1) / (-step) + 1;
        } else if (start < stop) {
            n = (stop - start - 1) / step + 1;
        }
        return new SliceIndices(start, stop, step, n);
    }

    /** Index of the i-th item taken. */
    public long at(long i) {
        return start + i * step;
    }

    /** slice.indices(length) with arbitrary-precision values (CPython's _PySlice_GetLongIndices). */
    public static BigInteger[] bigIndices(PyObject startObj, PyObject stopObj, PyObject stepObj, BigInteger length) {
        BigInteger step;
        if (stepObj == null || stepObj == PyNone.NONE) {
            step = BigInteger.ONE;
        } else {
            step = bigSliceIndex(stepObj);
            if (step.signum() == 0) throw Errors.valueError("slice step cannot be zero");
        }
        boolean neg = step.signum() < 0;
        BigInteger lower = neg ? BigInteger.ONE.negate() : BigInteger.ZERO;
        BigInteger upper = neg ? length.add(lower) : length;
        BigInteger start;
        if (startObj == null || startObj == PyNone.NONE) {
            start = neg ? upper : lower;
        } else {
            start = bigSliceIndex(startObj);
            if (start.signum() < 0) {
                start = start.add(length);
                if (start.compareTo(lower) < 0) start = lower;
            } else if (start.compareTo(upper) > 0) {
                start = upper;
            }
        }
        BigInteger stop;
        if (stopObj == null || stopObj == PyNone.NONE) {
            stop = neg ? lower : upper;
        } else {
            stop = bigSliceIndex(stopObj);
            if (stop.signum() < 0) {
                stop = stop.add(length);
                if (stop.compareTo(lower) < 0) stop = lower;
            } else if (stop.compareTo(upper) > 0) {
                stop = upper;
            }
        }
        return new BigInteger[] {start, stop, step};
    }

    private static BigInteger bigSliceIndex(PyObject o) {
        if (!Indices.isIndex(o)) {
            throw Errors.typeError("slice indices must be integers or None or have an __index__ method");
        }
        return Indices.bigIndex(o);
    }
}
