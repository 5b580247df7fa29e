package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.ops.Ops;

/** {@code callable_iterator}, made by {@code iter(callable, sentinel)}: calls until the result == sentinel. */
public final class PyCallableIterator extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("callable_iterator", PyCallableIterator.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.iter = RefCount::newRef;
        TYPE.next = o -> ((PyCallableIterator) o).next();
    }

    private PyObject callable, sentinel;

    private PyCallableIterator(PyObject callable, PyObject sentinel) {
        this.callable = RefCount.newRef(callable);
        this.sentinel = RefCount.newRef(sentinel);
    }

    /** iter(callable, sentinel): TypeError "iter(object, sentinel): object must be callable". */
    public static PyCallableIterator of(PyObject callable, PyObject sentinel) {
        if (callable.type().call == null) throw Errors.typeError("iter(object, sentinel): object must be callable");
        return new PyCallableIterator(callable, sentinel);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    public PyObject next() {
        if (callable == null) return null;
        PyObject r;
        try {
            r = Ops.call(callable);
        } catch (PyException e) {
            if (!e.matches(PyExc.StopIteration)) throw e;
            RefCount.decref(e.exc);
            releaseReferences();
            return null;
        }
        boolean done;
        try {
            done = Ops.eqBool(sentinel, r);
        } catch (RuntimeException e) {
            RefCount.decref(r);
            throw e;
        }
        if (!done) return r;
        RefCount.decref(r);
        releaseReferences();
        return null;
    }

    @Override
    public void traverse(Visitor v) {
        if (callable != null) v.visit(callable);
        if (sentinel != null) v.visit(sentinel);
    }

    @Override
    public void releaseReferences() {
        PyObject c = callable, s = sentinel;
        callable = null;
        sentinel = null;
        RefCount.xdecref(c);
        RefCount.xdecref(s);
    }
}
