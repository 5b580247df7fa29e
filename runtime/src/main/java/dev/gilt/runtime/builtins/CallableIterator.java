package dev.gilt.runtime.builtins;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code iter(callable, sentinel)}: calls the callable until it returns a value equal to the
 * sentinel. (The containers room has its own callable_iterator; this one is used until the two
 * meet on main, then it can be replaced by it.)
 */
final class CallableIterator extends PyGcObject {
    static final PyType TYPE = PyType.builtin("callable_iterator", CallableIterator.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.newInstance = null;
        TYPE.iter = RefCount::newRef;
        TYPE.next = o -> ((CallableIterator) o).advance();
    }

    private PyObject callable, sentinel;

    private CallableIterator(PyObject callable, PyObject sentinel) {
        this.callable = RefCount.newRef(callable);
        this.sentinel = RefCount.newRef(sentinel);
    }

    static PyObject of(PyObject callable, PyObject sentinel) {
        return new CallableIterator(callable, sentinel);
    }

    private PyObject advance() {
        if (callable == null) return null;
        PyObject v = Ops.call(callable);
        boolean stop;
        try {
            stop = Ops.eqBool(v, sentinel);
        } catch (RuntimeException e) {
            RefCount.decref(v);
            throw e;
        }
        if (stop) {
            RefCount.decref(v);
            releaseReferences();
            return null;
        }
        return v;
    }

    @Override
    public PyType type() {
        return TYPE;
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
