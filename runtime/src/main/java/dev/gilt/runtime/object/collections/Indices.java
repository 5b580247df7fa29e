package dev.gilt.runtime.object.collections;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.ops.Ops;
import java.math.BigInteger;

/**
 * Conversions of index-like objects ({@code __index__}) to Java longs, with CPython's clamping and
 * error rules (PyNumber_AsSsize_t, _PyEval_SliceIndex, PyIndex_Check). Exact and derived ints are
 * read directly; anything else goes through {@code Ops.index}.
 */
public final class Indices {
    private Indices() {}

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** PyIndex_Check: an int, or an object whose type has {@code __index__}. */
    public static boolean isIndex(PyObject o) {
        return o instanceof PyInt || o.type().index != null;
    }

    /** The int that {@code o.__index__()} gives (a new reference). */
    public static PyInt indexInt(PyObject o) {
        if (o instanceof PyInt i) return RefCount.newRef(i);
        PyObject r = Ops.index(o);
        if (r instanceof PyInt i) return i;
        String tn = r.type().name();
        RefCount.decref(r);
        throw Errors.typeError("__index__ returned non-int (type %s)", tn);
    }

    /** The value of an index object as a BigInteger. */
    public static BigInteger bigIndex(PyObject o) {
        PyInt i = indexInt(o);
        try {
            return i.bigValue();
        } finally {
            RefCount.decref(i);
        }
    }

    /**
     * A subscript ({@code seq[i]}): the index as a long, or IndexError "cannot fit 'int' into an
     * index-sized integer" when it does not fit (PyNumber_AsSsize_t with IndexError).
     */
    public static long asSubscript(PyObject o) {
        if (o instanceof PyInt i && i.big == null) return i.value;
        PyInt i = indexInt(o);
        try {
            if (i.big == null) return i.value;
        } finally {
            RefCount.decref(i);
        }
        throw Errors.of(PyExc.IndexError, "cannot fit '" + o.type().name() + "' into an index-sized integer");
    }

    /** PyNumber_AsSsize_t with OverflowError (sizes, repeat counts). */
    public static long asSize(PyObject o) {
        if (o instanceof PyInt i && i.big == null) return i.value;
        PyInt i = indexInt(o);
        try {
            if (i.big == null) return i.value;
        } finally {
            RefCount.decref(i);
        }
        throw Errors.overflow("cannot fit '" + o.type().name() + "' into an index-sized integer");
    }

    /**
     * A Py_ssize_t argument of a builtin method ({@code list.pop(i)}, {@code list.insert(i, x)}):
     * TypeError "'X' object cannot be interpreted as an integer" for non-index objects, OverflowError
     * "Python int too large to convert to C ssize_t" when it does not fit.
     */
    public static long asSsizeArg(PyObject o) {
        if (o instanceof PyInt i && i.big == null) return i.value;
        if (!isIndex(o)) throw Errors.typeError("'%s' object cannot be interpreted as an integer", o.type().name());
        PyInt i = indexInt(o);
        try {
            if (i.big == null) return i.value;
        } finally {
            RefCount.decref(i);
        }
        throw Errors.overflow("Python int too large to convert to C ssize_t");
    }

    /** PyNumber_AsSsize_t with no error: clamps to the long range. */
    public static long asClamped(PyObject o) {
        if (o instanceof PyInt i && i.big == null) return i.value;
        PyInt i = indexInt(o);
        try {
            if (i.big == null) return i.value;
            return i.big.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        } finally {
            RefCount.decref(i);
        }
    }

    /**
     * A slice bound (_PyEval_SliceIndex): None gives {@code dflt}, an index object its clamped
     * value; anything else is "slice indices must be integers or None or have an __index__ method".
     */
    public static long sliceIndex(PyObject o, long dflt) {
        if (o == null || o == PyNone.NONE) return dflt;
        if (!isIndex(o)) {
            throw Errors.typeError("slice indices must be integers or None or have an __index__ method");
        }
        return asClamped(o);
    }

    /**
     * An optional start/stop argument of index()/count() style methods (_PyEval_SliceIndexNotNone):
     * "slice indices must be integers or have an __index__ method".
     */
    public static long sliceIndexNotNone(PyObject o, long dflt) {
        if (o == null) return dflt;
        if (!isIndex(o)) throw Errors.typeError("slice indices must be integers or have an __index__ method");
        return asClamped(o);
    }

    /** Clamps a BigInteger to the long range. */
    public static long clamp(BigInteger b) {
        if (b.compareTo(LONG_MIN) < 0) return Long.MIN_VALUE;
        if (b.compareTo(LONG_MAX) > 0) return Long.MAX_VALUE;
        return b.longValue();
    }
}
