package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/** {@code tuple_iterator}: walks a tuple; drops the tuple when exhausted. */
public final class PyTupleIterator extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("tuple_iterator", PyTupleIterator.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.iter = RefCount::newRef;
        TYPE.next = o -> ((PyTupleIterator) o).next();
        PyMethodDescr.define(TYPE, "__length_hint__", (Fn.F0) self -> PyInt.of(((PyTupleIterator) self).remaining()));
    }

    private PyTuple seq;
    private int index;

    /** Iterates {@code t} (borrowed; the iterator keeps a reference until exhausted). */
    public PyTupleIterator(PyTuple t) {
        this.seq = RefCount.newRef(t);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The next item (new reference) or null when exhausted. */
    public PyObject next() {
        PyTuple t = seq;
        if (t == null) return null;
        if (index < t.items.length) return RefCount.newRef(t.items[index++]);
        seq = null;
        RefCount.decref(t);
        return null;
    }

    long remaining() {
        return seq == null ? 0 : seq.items.length - index;
    }

    @Override
    public void traverse(Visitor v) {
        if (seq != null) v.visit(seq);
    }

    @Override
    public void releaseReferences() {
        PyTuple t = seq;
        seq = null;
        RefCount.xdecref(t);
    }
}
