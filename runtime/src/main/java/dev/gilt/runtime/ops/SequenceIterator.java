package dev.gilt.runtime.ops;

import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;

/** The iterator iter() makes for objects with only __getitem__ (the old sequence protocol). */
public final class SequenceIterator extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("iterator", SequenceIterator.class);

    static {
        TYPE.iter = RefCount::newRef;
        TYPE.next = o -> ((SequenceIterator) o).advance();
    }

    private PyObject seq;
    private long index;

    private SequenceIterator(PyObject seq) {
        this.seq = RefCount.newRef(seq);
    }

    static PyObject of(PyObject seq) {
        return new SequenceIterator(seq);
    }

    private PyObject advance() {
        if (seq == null) return null;
        PyInt i = PyInt.of(index);
        try {
            PyObject v = Ops.getItem(seq, i);
            index++;
            return v;
        } catch (PyException e) {
            if (e.matches(PyExc.IndexError) || e.matches(PyExc.StopIteration)) {
                RefCount.decref(e.exc);
                PyObject s = seq;
                seq = null;
                RefCount.decref(s);
                return null;
            }
            throw e;
        } finally {
            RefCount.decref(i);
        }
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public void traverse(Visitor v) {
        if (seq != null) v.visit(seq);
    }

    @Override
    public void releaseReferences() {
        PyObject s = seq;
        seq = null;
        RefCount.xdecref(s);
    }
}
