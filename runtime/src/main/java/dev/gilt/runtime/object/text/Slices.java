package dev.gilt.runtime.object.text;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PySlice;

/**
 * Slice arithmetic for the text and bytes types (CPython's PySlice_Unpack + AdjustIndices) over
 * {@link PySlice} objects.
 */
public final class Slices {
    private Slices() {}

    public static boolean isSlice(PyObject o) {
        return o instanceof PySlice;
    }

    /** {start, stop, step, length} of slice {@code s} applied to a sequence of {@code length}. */
    public static long[] indices(PyObject s, long length) {
        PySlice sl = (PySlice) s;
        return indices(sl.start, sl.stop, sl.step, length);
    }

    /** Like {@link #indices(PyObject, long)} for explicit start/stop/step (None or null = omitted). */
    public static long[] indices(PyObject startO, PyObject stopO, PyObject stepO, long length) {
        long step = 1;
        if (stepO != null && stepO != PyNone.NONE) {
            step = index(stepO);
            if (step == 0) throw Errors.valueError("slice step cannot be zero");
            if (step < -Long.MAX_VALUE) step = -Long.MAX_VALUE;
        }
        long start, stop;
        if (startO == null || startO == PyNone.NONE) {
            start = step < 0 ? length - 1 : 0;
        } else {
            start = clamp(index(startO), length, step);
        }
        if (stopO == null || stopO == PyNone.NONE) {
            stop = step < 0 ? -1 : length;
        } else {
            stop = clamp(index(stopO), length, step);
        }
        long len;
        if (step < 0) {
            len = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
        } else {
            len = start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        return new long[] {start, stop, step, len};
    }

    private static long clamp(long i, long length, long step) {
        if (i < 0) {
            i += length;
            if (i < 0) i = step < 0 ? -1 : 0;
        } else if (i >= length) {
            i = step < 0 ? length - 1 : length;
        }
        return i;
    }

    private static long index(PyObject o) {
        if (!(o instanceof PyInt) && o.type().index == null) {
            throw Errors.typeError("slice indices must be integers or None or have an __index__ method");
        }
        return PyInt.asClampedIndex(o);
    }

    /**
     * The start/end arguments of find/count/startswith... (None or absent = the bounds), adjusted
     * like slice indices and clamped to [0, length]. Returns {start, end}.
     */
    public static long[] range(PyObject startO, PyObject endO, long length) {
        long start = startO == null || startO == PyNone.NONE ? 0 : index(startO);
        long end = endO == null || endO == PyNone.NONE ? length : index(endO);
        if (end > length) end = length;
        else if (end < 0) {
            end += length;
            if (end < 0) end = 0;
        }
        if (start < 0) {
            start += length;
            if (start < 0) start = 0;
        }
        return new long[] {start, end};
    }
}
