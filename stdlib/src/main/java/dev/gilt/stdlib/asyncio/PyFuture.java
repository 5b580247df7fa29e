package dev.gilt.stdlib.asyncio;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.HasDict;
import dev.gilt.runtime.object.InstanceState;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.PyGetSetDescr;
import dev.gilt.stdlib.util.Attr;
import java.util.ArrayList;

/**
 * {@code _asyncio.Future}: asyncio's Future in Java (the role of CPython's C accelerator). Same
 * behaviour as {@code asyncio.futures._PyFuture}, the Python version in lib/asyncio/futures.py,
 * which stays the reference and the fallback; the package uses this class when it exists.
 *
 * <p>Python-visible state is exposed under the same attribute names as the Python class
 * ({@code _state}, {@code _result}, {@code _loop}, {@code _callbacks},
 * {@code _asyncio_future_blocking} ...), so the Python helpers (repr, gather) work on both.
 *
 * <p>Refcounts: every field that holds a PyObject owns one reference (null = unset); callbacks
 * are scheduled with the loop's {@code call_soon} and dropped from the future at that moment.
 *
 * <p>Threads: like the Python class, used by its loop's thread only (other threads go through
 * {@code call_soon_threadsafe}).
 */
public class PyFuture extends PyGcObject {
    public static final PyType TYPE = Attr.install(PyType.builtin("Future", PyFuture.class), "_asyncio");

    static final int PENDING = 0, CANCELLED = 1, FINISHED = 2;
    static final PyStr[] STATE_NAMES = {PyStr.intern("PENDING"), PyStr.intern("CANCELLED"), PyStr.intern("FINISHED")};

    PyObject loop;
    int state;
    PyObject result;
    PyObject exception;
    PyObject exceptionTb;
    PyObject cancelMessage;
    PyObject cancelledExc;
    PyObject sourceTraceback;
    /** The first callback and its context, inline (most futures have exactly one). */
    PyObject cb0, ctx0;
    /** Further callbacks, each {fn, context}. */
    ArrayList<PyObject[]> moreCallbacks;
    boolean logTb;
    boolean blocking;

    PyFuture() {}

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Instances of Python subclasses (class _GatheringFuture(Future)): their type and __dict__. */
    static final class Sub extends PyFuture implements HasDict {
        final InstanceState st;

        Sub(PyType t) {
            st = new InstanceState(t);
        }

        @Override
        public PyType type() {
            return st.type;
        }

        @Override
        public PyDict getDict(boolean create) {
            return st.getDict(create);
        }

        @Override
        public void setDict(PyDict d) {
            st.setDict(d);
        }

        @Override
        public PyObject[] slotValues() {
            return st.slots;
        }

        @Override
        public void traverse(Visitor v) {
            super.traverse(v);
            st.traverse(v);
        }

        @Override
        public void releaseReferences() {
            super.releaseReferences();
            st.release();
        }
    }

    // ---- type set-up -----------------------------------------------------------------------

    static final ArgParser INIT = ArgParser.of("Future", 0, 0, "*", "loop");
    static final ArgParser CANCEL = ArgParser.of("cancel", 0, 0, "msg");
    static final ArgParser ADD_CB = ArgParser.of("add_done_callback", 1, 1, "fn", "*", "context");

    static {
        TYPE.flags |= PyType.WEAKREFABLE;
        TYPE.newInstance = (type, args, kw) -> type == TYPE ? new PyFuture() : new Sub(type);
        TYPE.init = (self, args, kw) -> ((PyFuture) self).init(INIT.parse(args, kw)[0]);
        TYPE.repr = self -> AsyncioModule.hookRepr(self);
        TYPE.await = self -> new FutureIter((PyFuture) self);
        TYPE.iter = self -> new FutureIter((PyFuture) self);
        TYPE.finalizer = true;
        defineMethods(TYPE);
    }

    static void defineMethods(PyType t) {
        PyMethodDescr.define(t, "result", (Fn.F0) self -> ((PyFuture) self).result());
        PyMethodDescr.define(t, "exception", (Fn.F0) self -> ((PyFuture) self).exceptionMethod());
        PyMethodDescr.define(t, "set_result", (Fn.F1) (self, v) -> {
            ((PyFuture) self).setResult(v);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "set_exception", (Fn.F1) (self, v) -> {
            ((PyFuture) self).setException(v);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "cancel", (Fn.FV) (self, args, kw) ->
                PyBool.of(((PyFuture) self).cancel(CANCEL.parse(args, kw)[0])));
        PyMethodDescr.define(t, "cancelled", (Fn.F0) self -> PyBool.of(((PyFuture) self).state == CANCELLED));
        PyMethodDescr.define(t, "done", (Fn.F0) self -> PyBool.of(((PyFuture) self).state != PENDING));
        PyMethodDescr.define(t, "add_done_callback", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = ADD_CB.parse(args, kw);
            ((PyFuture) self).addDoneCallback(a[0], a[1]);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "remove_done_callback", (Fn.F1) (self, fn) -> PyInt.of(((PyFuture) self).removeDoneCallback(fn)));
        PyMethodDescr.define(t, "get_loop", (Fn.F0) self -> ((PyFuture) self).getLoop());
        PyMethodDescr.define(t, "_make_cancelled_error", (Fn.F0) self -> ((PyFuture) self).makeCancelledError());
        PyMethodDescr.define(t, "_repr_info", (Fn.F0) self -> AsyncioModule.hookReprInfo(self));
        PyMethodDescr.define(t, "__await__", (Fn.F0) self -> new FutureIter((PyFuture) self));
        PyMethodDescr.define(t, "__iter__", (Fn.F0) self -> new FutureIter((PyFuture) self));
        PyMethodDescr.define(t, "__del__", (Fn.F0) self -> {
            ((PyFuture) self).finalizeFuture();
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "__class_getitem__", (Fn.F1) (self, item) -> RefCount.newRef(self));

        PyGetSetDescr.define(t, "_state", self -> STATE_NAMES[((PyFuture) self).state]);
        PyGetSetDescr.define(t, "_result", self -> orNone(((PyFuture) self).result));
        PyGetSetDescr.define(t, "_exception", self -> orNone(((PyFuture) self).exception));
        PyGetSetDescr.define(t, "_exception_tb", self -> orNone(((PyFuture) self).exceptionTb));
        PyGetSetDescr.define(t, "_loop", self -> orNone(((PyFuture) self).loop));
        PyGetSetDescr.define(t, "_callbacks", self -> ((PyFuture) self).callbacksList());
        PyGetSetDescr.define(t, "_cancel_message", self -> orNone(((PyFuture) self).cancelMessage),
                (self, v) -> ((PyFuture) self).cancelMessage = replace(((PyFuture) self).cancelMessage, v));
        PyGetSetDescr.define(t, "_cancelled_exc", self -> orNone(((PyFuture) self).cancelledExc),
                (self, v) -> ((PyFuture) self).cancelledExc = replace(((PyFuture) self).cancelledExc, v));
        PyGetSetDescr.define(t, "_source_traceback", self -> orNone(((PyFuture) self).sourceTraceback),
                (self, v) -> ((PyFuture) self).sourceTraceback = replace(((PyFuture) self).sourceTraceback, v));
        PyGetSetDescr.define(t, "_asyncio_future_blocking", self -> PyBool.of(((PyFuture) self).blocking),
                (self, v) -> {
                    if (v == null) throw Errors.attributeError("cannot delete attribute");
                    ((PyFuture) self).blocking = Ops.isTrue(v);
                });
        PyGetSetDescr.define(t, "_log_traceback", self -> PyBool.of(((PyFuture) self).logTb), (self, v) -> {
            if (v == null) throw Errors.attributeError("cannot delete attribute");
            if (Ops.isTrue(v)) throw Errors.valueError("_log_traceback can only be set to False");
            ((PyFuture) self).logTb = false;
        });
    }

    static PyObject orNone(PyObject o) {
        return RefCount.newRef(o == null ? PyNone.NONE : o);
    }

    /** Stores v (borrowed; null or None clears) in place of old, which is released. */
    static PyObject replace(PyObject old, PyObject v) {
        PyObject n = v == null || v == PyNone.NONE ? null : RefCount.newRef(v);
        RefCount.xdecref(old);
        return n;
    }

    // ---- the protocol ----------------------------------------------------------------------

    void init(PyObject loopArg) {
        PyObject l = loopArg == null || loopArg == PyNone.NONE ? AsyncioModule.getEventLoop() : RefCount.newRef(loopArg);
        PyObject old = loop;
        loop = l;
        RefCount.xdecref(old);
    }

    PyObject getLoop() {
        if (loop == null) throw Errors.runtimeError("Future object is not initialized.");
        return RefCount.newRef(loop);
    }

    void checkInit() {
        if (loop == null) throw Errors.runtimeError("Future object is not initialized.");
    }

    /** result(): new reference, or raises. */
    PyObject result() {
        checkInit();
        if (state == FINISHED) {
            logTb = false;
            if (exception == null) return RefCount.newRef(result == null ? PyNone.NONE : result);
            throw raiseStored();
        }
        if (state == CANCELLED) throw new PyException(castExc(makeCancelledError()));
        throw AsyncioModule.invalidState("Result is not set.");
    }

    /** The stored exception with its original traceback, ready to throw (a new reference). */
    PyException raiseStored() {
        PyBaseException be = (PyBaseException) exception;
        RefCount.incref(be);
        PyObject oldTb = be.traceback;
        be.traceback = exceptionTb == null ? null : RefCount.newRef(exceptionTb);
        RefCount.xdecref(oldTb);
        return new PyException(be);
    }

    static PyBaseException castExc(PyObject o) {
        if (o instanceof PyBaseException be) return be;
        RefCount.decref(o);
        return (PyBaseException) Errors.typeError("exceptions must derive from BaseException").exc;
    }

    PyObject exceptionMethod() {
        checkInit();
        if (state == CANCELLED) throw new PyException(castExc(makeCancelledError()));
        if (state != FINISHED) throw AsyncioModule.invalidState("Exception is not set.");
        logTb = false;
        return RefCount.newRef(exception == null ? PyNone.NONE : exception);
    }

    /** The CancelledError to raise (new reference): the one that stopped the coroutine first. */
    PyObject makeCancelledError() {
        PyObject exc = cancelledExc;
        if (exc != null) {
            cancelledExc = null;
            return exc;  // our reference goes to the caller
        }
        PyObject cls = AsyncioModule.cancelledError();
        return cancelMessage == null ? Ops.call(cls) : Ops.call(cls, cancelMessage);
    }

    void setResult(PyObject v) {
        checkInit();
        if (state != PENDING) throw AsyncioModule.invalidState("invalid state");
        result = RefCount.newRef(v);
        state = FINISHED;
        scheduleCallbacks();
    }

    void setException(PyObject exc) {
        checkInit();
        if (state != PENDING) throw AsyncioModule.invalidState("invalid state");
        PyObject e;
        if (exc instanceof PyType t) {
            e = Ops.call(t);
        } else {
            e = RefCount.newRef(exc);
        }
        if (!(e instanceof PyBaseException be)) {
            RefCount.decref(e);
            throw Errors.typeError("invalid exception object");
        }
        if (be.type() == dev.gilt.runtime.error.PyExc.StopIteration) {
            PyObject msg = PyStr.of("StopIteration interacts badly with generators and cannot be raised into a Future");
            PyObject wrapped;
            try {
                wrapped = Ops.call(dev.gilt.runtime.error.PyExc.RuntimeError, msg);
            } finally {
                RefCount.decref(msg);
            }
            PyBaseException w = (PyBaseException) wrapped;
            w.cause = RefCount.newRef(be);
            w.context = be;  // takes our reference
            e = w;
            be = w;
        }
        exception = e;
        exceptionTb = be.traceback == null ? null : RefCount.newRef(be.traceback);
        state = FINISHED;
        scheduleCallbacks();
        logTb = true;
    }

    boolean cancel(PyObject msg) {
        checkInit();
        logTb = false;
        if (state != PENDING) return false;
        state = CANCELLED;
        cancelMessage = replace(cancelMessage, msg);
        scheduleCallbacks();
        return true;
    }

    void addDoneCallback(PyObject fn, PyObject ctx) {
        checkInit();
        if (ctx == PyNone.NONE) ctx = null;
        if (state != PENDING) {
            AsyncioModule.callSoon(loop, fn, this, ctx);
            return;
        }
        PyObject c = ctx == null ? AsyncioModule.copyContext() : RefCount.newRef(ctx);
        if (cb0 == null && (moreCallbacks == null || moreCallbacks.isEmpty())) {
            cb0 = RefCount.newRef(fn);
            ctx0 = c;
        } else {
            if (moreCallbacks == null) moreCallbacks = new ArrayList<>(2);
            moreCallbacks.add(new PyObject[] {RefCount.newRef(fn), c});
        }
    }

    /** Java-side registration for our own callables (no context copy: they run in none). */
    void addDoneCallbackInternal(PyObject fn, PyObject ctx) {
        if (state != PENDING) {
            AsyncioModule.callSoon(loop, fn, this, ctx);
            return;
        }
        if (cb0 == null && (moreCallbacks == null || moreCallbacks.isEmpty())) {
            cb0 = RefCount.newRef(fn);
            ctx0 = ctx == null ? null : RefCount.newRef(ctx);
        } else {
            if (moreCallbacks == null) moreCallbacks = new ArrayList<>(2);
            moreCallbacks.add(new PyObject[] {RefCount.newRef(fn), ctx == null ? null : RefCount.newRef(ctx)});
        }
    }

    long removeDoneCallback(PyObject fn) {
        checkInit();
        long removed = 0;
        if (cb0 != null && Ops.compareBool(cb0, fn, Ops.EQ)) {
            PyObject a = cb0, b = ctx0;
            cb0 = null;
            ctx0 = null;
            RefCount.decref(a);
            RefCount.xdecref(b);
            removed++;
        }
        if (moreCallbacks != null) {
            ArrayList<PyObject[]> kept = new ArrayList<>(moreCallbacks.size());
            ArrayList<PyObject[]> dropped = new ArrayList<>();
            for (PyObject[] e : moreCallbacks) {
                if (Ops.compareBool(e[0], fn, Ops.EQ)) dropped.add(e);
                else kept.add(e);
            }
            moreCallbacks = kept;
            for (PyObject[] e : dropped) {
                RefCount.decref(e[0]);
                RefCount.xdecref(e[1]);
                removed++;
            }
        }
        return removed;
    }

    /** Hands every callback to call_soon, in registration order, and forgets them. */
    void scheduleCallbacks() {
        PyObject f0 = cb0, c0 = ctx0;
        ArrayList<PyObject[]> more = moreCallbacks;
        cb0 = null;
        ctx0 = null;
        moreCallbacks = null;
        try {
            if (f0 != null) AsyncioModule.callSoon(loop, f0, this, c0);
            if (more != null) {
                for (PyObject[] e : more) AsyncioModule.callSoon(loop, e[0], this, e[1]);
            }
        } finally {
            RefCount.xdecref(f0);
            RefCount.xdecref(c0);
            if (more != null) {
                for (PyObject[] e : more) {
                    RefCount.decref(e[0]);
                    RefCount.xdecref(e[1]);
                }
            }
        }
    }

    /** _callbacks: None, or a new list of (fn, context) tuples. */
    PyObject callbacksList() {
        if (cb0 == null && (moreCallbacks == null || moreCallbacks.isEmpty())) return RefCount.newRef(PyNone.NONE);
        PyList l = new PyList();
        if (cb0 != null) l.appendSteal(PyTuple.of(cb0, ctx0 == null ? PyNone.NONE : ctx0));
        if (moreCallbacks != null) {
            for (PyObject[] e : moreCallbacks) l.appendSteal(PyTuple.of(e[0], e[1] == null ? PyNone.NONE : e[1]));
        }
        return l;
    }

    /** __del__: an exception nobody retrieved goes to the loop's exception handler. */
    void finalizeFuture() {
        if (!logTb || loop == null) return;
        logTb = false;
        PyDict ctx = new PyDict();
        try {
            PyStr msg = PyStr.of(type().name() + " exception was never retrieved");
            ctx.setItem(PyStr.intern("message"), msg);
            RefCount.decref(msg);
            ctx.setItem(PyStr.intern("exception"), exception == null ? PyNone.NONE : exception);
            ctx.setItem(PyStr.intern("future"), this);
            if (sourceTraceback != null) ctx.setItem(PyStr.intern("source_traceback"), sourceTraceback);
            RefCount.decref(Ops.callMethod(loop, "call_exception_handler", ctx));
        } finally {
            RefCount.decref(ctx);
        }
    }

    // ---- GC --------------------------------------------------------------------------------

    @Override
    public void traverse(Visitor v) {
        if (loop != null) v.visit(loop);
        if (result != null) v.visit(result);
        if (exception != null) v.visit(exception);
        if (exceptionTb != null) v.visit(exceptionTb);
        if (cancelMessage != null) v.visit(cancelMessage);
        if (cancelledExc != null) v.visit(cancelledExc);
        if (sourceTraceback != null) v.visit(sourceTraceback);
        if (cb0 != null) v.visit(cb0);
        if (ctx0 != null) v.visit(ctx0);
        if (moreCallbacks != null) {
            for (PyObject[] e : moreCallbacks) {
                v.visit(e[0]);
                if (e[1] != null) v.visit(e[1]);
            }
        }
    }

    @Override
    public void releaseReferences() {
        PyObject[] drop = {loop, result, exception, exceptionTb, cancelMessage, cancelledExc, sourceTraceback, cb0, ctx0};
        loop = result = exception = exceptionTb = cancelMessage = cancelledExc = sourceTraceback = cb0 = ctx0 = null;
        ArrayList<PyObject[]> more = moreCallbacks;
        moreCallbacks = null;
        for (PyObject o : drop) RefCount.xdecref(o);
        if (more != null) {
            for (PyObject[] e : more) {
                RefCount.xdecref(e[0]);
                RefCount.xdecref(e[1]);
            }
        }
    }
}
