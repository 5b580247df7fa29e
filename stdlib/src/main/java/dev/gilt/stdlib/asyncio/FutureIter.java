package dev.gilt.stdlib.asyncio;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Attr;

/**
 * What {@code await future} iterates (CPython's FutureIter): the first step yields the pending
 * future itself with {@code _asyncio_future_blocking} set — the Task parks on it — and the step
 * after the future is done returns its result (StopIteration(value); a None result ends the
 * iteration without an exception object, which the VM reads as None).
 *
 * <p>Refcounts: holds one reference to its future until the iteration ends.
 */
final class FutureIter extends PyGcObject {
    static final PyType TYPE = Attr.install(PyType.builtin("FutureIter", FutureIter.class), "_asyncio");

    private PyFuture fut;

    FutureIter(PyFuture fut) {
        this.fut = (PyFuture) RefCount.newRef(fut);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.iter = RefCount::newRef;
        TYPE.next = self -> ((FutureIter) self).step();
        PyMethodDescr.define(TYPE, "__next__", (Fn.F0) self -> {
            PyObject r = ((FutureIter) self).step();
            if (r == null) throw Errors.stopIteration();
            return r;
        });
        PyMethodDescr.define(TYPE, "__iter__", (Fn.F0) RefCount::newRef);
        PyMethodDescr.define(TYPE, "send", (Fn.F1) (self, v) -> {
            PyObject r = ((FutureIter) self).step();
            if (r == null) throw Errors.stopIteration();
            return r;
        });
        PyMethodDescr.define(TYPE, "throw", (Fn.FV) (self, args, kw) -> ((FutureIter) self).throwIn(args));
        PyMethodDescr.define(TYPE, "close", (Fn.F0) self -> {
            ((FutureIter) self).drop();
            return PyNone.NONE;
        });
    }

    /** The yielded future (new reference), null when done with a None result, or raises. */
    PyObject step() {
        PyFuture f = fut;
        if (f == null) return null;
        if (f.state == PyFuture.PENDING) {
            if (!f.blocking) {
                f.blocking = true;
                return RefCount.newRef(f);
            }
            throw Errors.runtimeError("await wasn't used with future");
        }
        fut = null;
        try {
            PyObject r = f.result();
            if (r == PyNone.NONE) return null;
            PyObject stop;
            try {
                stop = Ops.call(PyExc.StopIteration, r);
            } finally {
                RefCount.decref(r);
            }
            throw new PyException((PyBaseException) stop);
        } finally {
            RefCount.decref(f);
        }
    }

    /** throw(exc): the iteration ends with exc raised (as CPython's FutureIter does). */
    private PyObject throwIn(PyObject[] args) {
        if (args.length < 1 || args.length > 3) {
            throw Errors.typeError("throw expected at least 1 argument, got %d", args.length);
        }
        PyObject t = args[0];
        PyObject val = args.length > 1 ? args[1] : PyNone.NONE;
        PyObject exc;
        if (t instanceof PyType type && type.isSubtypeOf(PyExc.BaseException)) {
            exc = val instanceof PyBaseException ? RefCount.newRef(val)
                    : val == PyNone.NONE ? Ops.call(type) : Ops.call(type, val);
        } else if (t instanceof PyBaseException) {
            if (val != PyNone.NONE) throw Errors.typeError("instance exception may not have a separate value");
            exc = RefCount.newRef(t);
        } else {
            throw Errors.typeError("exceptions must be classes or instances deriving from BaseException, not %s",
                    t.type().name());
        }
        drop();
        throw new PyException((PyBaseException) exc);
    }

    private void drop() {
        PyFuture f = fut;
        fut = null;
        RefCount.xdecref(f);
    }

    @Override
    public void traverse(Visitor v) {
        if (fut != null) v.visit(fut);
    }

    @Override
    public void releaseReferences() {
        drop();
    }
}
