package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.collections.Indices;
import dev.gilt.runtime.object.collections.ReadOnlyAttr;
import dev.gilt.runtime.object.collections.SliceIndices;
import dev.gilt.runtime.ops.Ops;
import java.math.BigInteger;

/**
 * {@code slice}: the start, stop and step of an extended index ({@code a[1:10:2]}), each any
 * object (None when omitted). Sequences resolve it against their length with
 * {@link SliceIndices}. Hashable and ordered as CPython 3.12 (as the tuple of its three fields).
 */
public final class PySlice extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("slice", PySlice.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.newInstance = PySlice::sliceNew;
        TYPE.repr = o -> {
            PySlice s = (PySlice) o;
            return PyStr.of("slice(" + Ops.reprString(s.start) + ", " + Ops.reprString(s.stop) + ", "
                    + Ops.reprString(s.step) + ")");
        };
        TYPE.richcompare = PySlice::richCompare;
        TYPE.hash = o -> ((PySlice) o).hashValue();
        ReadOnlyAttr.define(TYPE, "start", o -> RefCount.newRef(((PySlice) o).start));
        ReadOnlyAttr.define(TYPE, "stop", o -> RefCount.newRef(((PySlice) o).stop));
        ReadOnlyAttr.define(TYPE, "step", o -> RefCount.newRef(((PySlice) o).step));
        PyMethodDescr.define(TYPE, "indices", (Fn.F1) (self, len) -> ((PySlice) self).indices(len));
        PyMethodDescr.define(TYPE, "__reduce__", (Fn.F0) self -> {
            PySlice s = (PySlice) self;
            return PyTuple.steal(TYPE, PyTuple.of(s.start, s.stop, s.step));
        });
    }

    /** Owned references, never null (None when omitted). Immutable after construction. */
    public final PyObject start, stop, step;

    /** A slice of the given bounds (borrowed; null means None). */
    public PySlice(PyObject start, PyObject stop, PyObject step) {
        this.start = RefCount.newRef(start == null ? PyNone.NONE : start);
        this.stop = RefCount.newRef(stop == null ? PyNone.NONE : stop);
        this.step = RefCount.newRef(step == null ? PyNone.NONE : step);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    static PyObject sliceNew(PyType type, PyObject[] args, PyTuple kwnames) {
        if (kwnames != null && kwnames.size() > 0) throw Errors.typeError("slice() takes no keyword arguments");
        return switch (args.length) {
            case 0 -> throw Errors.typeError("slice expected at least 1 argument, got 0");
            case 1 -> new PySlice(null, args[0], null);
            case 2 -> new PySlice(args[0], args[1], null);
            case 3 -> new PySlice(args[0], args[1], args[2]);
            default -> throw Errors.typeError("slice expected at most 3 arguments, got %d", args.length);
        };
    }

    /** slice.indices(length): a new tuple (start, stop, step) clipped as sequences do. */
    public PyTuple indices(PyObject length) {
        BigInteger len = Indices.bigIndex(length);
        if (len.signum() < 0) throw Errors.valueError("length should not be negative");
        BigInteger[] r = SliceIndices.bigIndices(start, stop, step, len);
        return PyTuple.steal(PyInt.of(r[0]), PyInt.of(r[1]), PyInt.of(r[2]));
    }

    static PyObject richCompare(PyObject a, PyObject b, int op) {
        if (!(a instanceof PySlice sa) || !(b instanceof PySlice sb)) return PyNotImplemented.NOT_IMPLEMENTED;
        if (a == b) return PyBool.of(op == Ops.EQ || op == Ops.LE || op == Ops.GE);
        return PyTuple.compareItems(new PyObject[] {sa.start, sa.stop, sa.step}, 3,
                new PyObject[] {sb.start, sb.stop, sb.step}, 3, op);
    }

    /** CPython 3.12's slice hash: the tuple hash's lanes over (start, stop, step), without the length term. */
    long hashValue() {
        long acc = PyTuple.XXPRIME_5;
        for (PyObject o : new PyObject[] {start, stop, step}) {
            acc += Ops.hash(o) * PyTuple.XXPRIME_2;
            acc = Long.rotateLeft(acc, 31);
            acc *= PyTuple.XXPRIME_1;
        }
        return acc == -1 ? 1546275796L : acc;
    }

    @Override
    public void traverse(Visitor v) {
        v.visit(start);
        v.visit(stop);
        v.visit(step);
    }

    private boolean released;

    @Override
    public void releaseReferences() {
        if (released) return;
        released = true;
        RefCount.decref(start);
        RefCount.decref(stop);
        RefCount.decref(step);
    }
}
