package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.collections.Indices;
import dev.gilt.runtime.object.collections.ReadOnlyAttr;
import dev.gilt.runtime.object.collections.SliceIndices;
import dev.gilt.runtime.ops.Ops;
import java.math.BigInteger;

/**
 * {@code range}: an immutable arithmetic sequence of ints of any size. When start, stop, step and
 * the length all fit in a long ({@link #small}) every operation works on longs and iteration uses
 * {@link PyRangeIterator}, whose {@link PyRangeIterator#nextLong()} the VM can call directly;
 * otherwise BigInteger arithmetic and {@code longrange_iterator}.
 */
public final class PyRange extends PyObject {
    public static final PyType TYPE = PyType.builtin("range", PyRange.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.newInstance = PyRange::rangeNew;
        TYPE.repr = o -> PyStr.of(((PyRange) o).reprString());
        TYPE.len = o -> ((PyRange) o).lengthAsLong();
        TYPE.bool = o -> ((PyRange) o).length.signum() != 0;
        TYPE.getitem = PyRange::subscript;
        TYPE.contains = (o, x) -> ((PyRange) o).contains(x);
        TYPE.iter = o -> ((PyRange) o).iterator(false);
        TYPE.richcompare = PyRange::richCompare;
        TYPE.hash = o -> ((PyRange) o).hashValue();
        ReadOnlyAttr.define(TYPE, "start", o -> PyInt.of(((PyRange) o).start));
        ReadOnlyAttr.define(TYPE, "stop", o -> PyInt.of(((PyRange) o).stop));
        ReadOnlyAttr.define(TYPE, "step", o -> PyInt.of(((PyRange) o).step));
        PyMethodDescr.define(TYPE, "__reversed__", (Fn.F0) self -> ((PyRange) self).iterator(true));
        PyMethodDescr.define(TYPE, "count", (Fn.F1) (self, x) -> ((PyRange) self).count(x));
        PyMethodDescr.define(TYPE, "index", (Fn.F1) (self, x) -> ((PyRange) self).index(x));
        PyMethodDescr.define(TYPE, "__getitem__", (Fn.F1) PyRange::subscript);
        PyMethodDescr.define(TYPE, "__reduce__", (Fn.F0) self -> {
            PyRange r = (PyRange) self;
            return PyTuple.steal(TYPE, PyTuple.steal(PyInt.of(r.start), PyInt.of(r.stop), PyInt.of(r.step)));
        });
    }

    /** Immutable bounds and the number of items (never negative). */
    public final BigInteger start, stop, step, length;
    /** True when start, stop, step and length all fit in a long (the l* fields are valid). */
    public final boolean small;
    public final long lstart, lstop, lstep, llength;

    private static final BigInteger LMIN = BigInteger.valueOf(Long.MIN_VALUE), LMAX = BigInteger.valueOf(Long.MAX_VALUE);

    private static boolean fits(BigInteger b) {
        return b.bitLength() < 64;
    }

    /** A range of these bounds; step must not be zero. */
    public PyRange(BigInteger start, BigInteger stop, BigInteger step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
        this.length = computeLength(start, stop, step);
        this.small = fits(start) && fits(stop) && fits(step) && fits(length);
        this.lstart = small ? start.longValue() : 0;
        this.lstop = small ? stop.longValue() : 0;
        this.lstep = small ? step.longValue() : 0;
        this.llength = small ? length.longValue() : 0;
    }

    /** {@code range(start, stop, step)} for Java longs; step must not be zero. */
    public static PyRange of(long start, long stop, long step) {
        return new PyRange(BigInteger.valueOf(start), BigInteger.valueOf(stop), BigInteger.valueOf(step));
    }

    static BigInteger computeLength(BigInteger start, BigInteger stop, BigInteger step) {
        BigInteger lo, hi, st = step;
        if (step.signum() > 0) {
            lo = start;
            hi = stop;
        } else {
            lo = stop;
            hi = start;
            st = step.negate();
        }
        if (lo.compareTo(hi) >= 0) return BigInteger.ZERO;
        return hi.subtract(lo).subtract(BigInteger.ONE).divide(st).add(BigInteger.ONE);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    static PyObject rangeNew(PyType type, PyObject[] args, PyTuple kwnames) {
        if (kwnames != null && kwnames.size() > 0) throw Errors.typeError("range() takes no keyword arguments");
        BigInteger start = BigInteger.ZERO, stop, step = BigInteger.ONE;
        switch (args.length) {
            case 0 -> throw Errors.typeError("range expected at least 1 argument, got 0");
            case 1 -> stop = Indices.bigIndex(args[0]);
            case 2, 3 -> {
                start = Indices.bigIndex(args[0]);
                stop = Indices.bigIndex(args[1]);
                if (args.length == 3) {
                    step = Indices.bigIndex(args[2]);
                    if (step.signum() == 0) throw Errors.valueError("range() arg 3 must not be zero");
                }
            }
            default -> throw Errors.typeError("range expected at most 3 arguments, got %d", args.length);
        }
        return new PyRange(start, stop, step);
    }

    /** len(r), or OverflowError when it does not fit. */
    public long lengthAsLong() {
        if (!fits(length)) throw Errors.overflow("Python int too large to convert to C ssize_t");
        return length.longValue();
    }

    /** Item i (0 &lt;= i &lt; length). */
    BigInteger at(BigInteger i) {
        return start.add(i.multiply(step));
    }

    static PyObject subscript(PyObject self, PyObject key) {
        PyRange r = (PyRange) self;
        if (Indices.isIndex(key)) {
            if (r.small && key instanceof PyInt ki && ki.big == null) {
                long i = ki.value;
                if (i < 0) i += r.llength;
                if (i < 0 || i >= r.llength) throw Errors.indexError("range object index out of range");
                return PyInt.of(r.at(BigInteger.valueOf(i)));
            }
            BigInteger i = Indices.bigIndex(key);
            if (i.signum() < 0) i = i.add(r.length);
            if (i.signum() < 0 || i.compareTo(r.length) >= 0) throw Errors.indexError("range object index out of range");
            return PyInt.of(r.at(i));
        }
        if (key instanceof PySlice s) {
            BigInteger[] ix = SliceIndices.bigIndices(s.start, s.stop, s.step, r.length);
            return new PyRange(r.at(ix[0]), r.at(ix[1]), r.step.multiply(ix[2]));
        }
        throw Errors.typeError("range indices must be integers or slices, not %s", key.type().name());
    }

    private static boolean isExactInt(PyObject x) {
        return x.getClass() == PyInt.class || x instanceof PyBool;
    }

    /** {@code x in r}: arithmetic for ints and bools, else comparison with each item. */
    public boolean contains(PyObject x) {
        if (isExactInt(x)) return containsInt(((PyInt) x).bigValue());
        return iterSearch(x, false) >= 0;
    }

    private boolean containsInt(BigInteger v) {
        boolean in = step.signum() > 0 ? start.compareTo(v) <= 0 && v.compareTo(stop) < 0
                : v.compareTo(start) <= 0 && stop.compareTo(v) < 0;
        return in && v.subtract(start).mod(step.abs()).signum() == 0;
    }

    /** Position of x found by iteration (or the count when counting), -1 if absent. */
    private long iterSearch(PyObject x, boolean count) {
        PyObject it = iterator(false);
        long n = 0, i = 0;
        try {
            PyObject o;
            while ((o = Ops.next(it)) != null) {
                boolean eq;
                try {
                    eq = Ops.eqBool(o, x);
                } finally {
                    RefCount.decref(o);
                }
                if (eq) {
                    if (!count) return i;
                    n++;
                }
                i++;
            }
        } finally {
            RefCount.decref(it);
        }
        return count ? n : -1;
    }

    PyObject count(PyObject x) {
        if (isExactInt(x)) return PyInt.of(containsInt(((PyInt) x).bigValue()) ? 1 : 0);
        return PyInt.of(iterSearch(x, true));
    }

    PyObject index(PyObject x) {
        if (isExactInt(x)) {
            BigInteger v = ((PyInt) x).bigValue();
            if (!containsInt(v)) throw Errors.valueError("%s is not in range", Ops.reprString(x));
            return PyInt.of(v.subtract(start).divide(step));
        }
        long i = iterSearch(x, false);
        if (i < 0) throw Errors.valueError("sequence.index(x): x not in sequence");
        return PyInt.of(i);
    }

    /** iter(r) or reversed(r). */
    public PyObject iterator(boolean reversed) {
        if (!reversed) {
            if (small) return new PyRangeIterator(lstart, lstep, llength);
            return new PyRangeIterator.Long(start, step, length);
        }
        BigInteger last = start.add(length.subtract(BigInteger.ONE).multiply(step));
        BigInteger neg = step.negate();
        if (length.signum() == 0) return new PyRangeIterator(0, 1, 0);
        if (fits(last) && fits(neg) && fits(length)) return new PyRangeIterator(last.longValue(), neg.longValue(), length.longValue());
        return new PyRangeIterator.Long(last, neg, length);
    }

    static PyObject richCompare(PyObject a, PyObject b, int op) {
        if (!(a instanceof PyRange ra) || !(b instanceof PyRange rb) || (op != Ops.EQ && op != Ops.NE)) {
            return PyNotImplemented.NOT_IMPLEMENTED;
        }
        return PyBool.of(ra.sameSequence(rb) == (op == Ops.EQ));
    }

    boolean sameSequence(PyRange o) {
        if (this == o) return true;
        if (!length.equals(o.length)) return false;
        if (length.signum() == 0) return true;
        if (!start.equals(o.start)) return false;
        if (length.equals(BigInteger.ONE)) return true;
        return step.equals(o.step);
    }

    /** hash((len, start, step)) with None for the parts that do not matter (as CPython). */
    long hashValue() {
        PyObject[] parts = new PyObject[3];
        parts[0] = PyInt.of(length);
        if (length.signum() == 0) {
            parts[1] = PyNone.NONE;
            parts[2] = PyNone.NONE;
        } else {
            parts[1] = PyInt.of(start);
            parts[2] = length.equals(BigInteger.ONE) ? PyNone.NONE : PyInt.of(step);
        }
        PyTuple t = PyTuple.steal(parts);
        try {
            return t.hashValue();
        } finally {
            RefCount.decref(t);
        }
    }

    String reprString() {
        if (step.equals(BigInteger.ONE)) return "range(" + start + ", " + stop + ")";
        return "range(" + start + ", " + stop + ", " + step + ")";
    }
}
