package dev.gilt.stdlib.asyncio;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
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
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.PyGetSetDescr;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;

/**
 * {@code _asyncio.Task}: a coroutine driven by the event loop, in Java. Same behaviour as
 * {@code asyncio.tasks._PyTask} (lib/asyncio/tasks.py, the reference and the fallback; its
 * module docstring describes the stepping protocol and cancellation).
 *
 * <p>Each step resumes the coroutine with {@code send(None)} or {@code throw(exc)}. A yielded
 * future with {@code _asyncio_future_blocking} set parks the task: its wakeup callable becomes
 * the future's done callback. The step and wakeup callables are created once per task and
 * dropped when the task finishes (they point back at the task).
 *
 * <p>Refcounts: fields own their references (null = unset). Threads: the loop's thread only.
 */
public class PyTask extends PyFuture {
    public static final PyType TYPE = Attr.install(PyType.builtin("Task", PyTask.class, PyFuture.TYPE), "_asyncio");

    PyObject coro;
    PyObject context;
    /** The name, or null while it is still the default "Task-N" (N in nameNumber). */
    PyObject name;
    long nameNumber;
    boolean mustCancel;
    PyObject futWaiter;
    long numCancelsRequested;
    boolean logDestroyPending = true;
    private StepCall stepCall;
    private WakeupCall wakeupCall;

    PyTask() {}

    @Override
    public PyType type() {
        return TYPE;
    }

    static final class Sub extends PyTask implements HasDict {
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

    static final ArgParser INIT = ArgParser.of("Task", 1, 0, "coro", "*", "loop", "name", "context", "eager_start");
    static final ArgParser STACK = ArgParser.of("get_stack", 0, 0, "*", "limit");
    static final ArgParser PRINT_STACK = ArgParser.of("print_stack", 0, 0, "*", "limit", "file");

    static {
        TYPE.flags |= PyType.WEAKREFABLE;
        TYPE.newInstance = (type, args, kw) -> type == TYPE ? new PyTask() : new Sub(type);
        TYPE.init = (self, args, kw) -> ((PyTask) self).initTask(INIT.parse(args, kw));
        TYPE.repr = self -> AsyncioModule.hookTaskRepr(self);
        TYPE.finalizer = true;
        PyMethodDescr.define(TYPE, "cancel", (Fn.FV) (self, args, kw) ->
                PyBool.of(((PyTask) self).cancelTask(CANCEL.parse(args, kw)[0])));
        PyMethodDescr.define(TYPE, "cancelling", (Fn.F0) self -> PyInt.of(((PyTask) self).numCancelsRequested));
        PyMethodDescr.define(TYPE, "uncancel", (Fn.F0) self -> PyInt.of(((PyTask) self).uncancel()));
        PyMethodDescr.define(TYPE, "get_coro", (Fn.F0) self -> orNone(((PyTask) self).coro));
        PyMethodDescr.define(TYPE, "get_context", (Fn.F0) self -> orNone(((PyTask) self).context));
        PyMethodDescr.define(TYPE, "get_name", (Fn.F0) self -> ((PyTask) self).getName());
        PyMethodDescr.define(TYPE, "set_name", (Fn.F1) (self, v) -> {
            ((PyTask) self).setName(v);
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "set_result", (Fn.F1) (self, v) -> {
            throw Errors.runtimeError("Task does not support set_result operation");
        });
        PyMethodDescr.define(TYPE, "set_exception", (Fn.F1) (self, v) -> {
            throw Errors.runtimeError("Task does not support set_exception operation");
        });
        PyMethodDescr.define(TYPE, "get_stack", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = STACK.parse(args, kw);
            return Ops.call(AsyncioModule.hook(AsyncioModule.H_TASK_GET_STACK), self, orNoneBorrowed(a[0]));
        });
        PyMethodDescr.define(TYPE, "print_stack", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = PRINT_STACK.parse(args, kw);
            return Ops.call(AsyncioModule.hook(AsyncioModule.H_TASK_PRINT_STACK), self, orNoneBorrowed(a[0]),
                    orNoneBorrowed(a[1]));
        });
        PyMethodDescr.define(TYPE, "_repr_info", (Fn.F0) self -> AsyncioModule.hookTaskReprInfo(self));
        PyMethodDescr.define(TYPE, "__del__", (Fn.F0) self -> {
            ((PyTask) self).finalizeTask();
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "_step", (Fn.FV) (self, args, kw) -> {
            Args.noKw("_step", kw);
            ((PyTask) self).step(args.length > 0 && args[0] != PyNone.NONE ? args[0] : null);
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "task_wakeup", (Fn.F1) (self, fut) -> {
            ((PyTask) self).wakeup(fut);
            return PyNone.NONE;
        });
        PyGetSetDescr.define(TYPE, "_coro", self -> orNone(((PyTask) self).coro));
        PyGetSetDescr.define(TYPE, "_context", self -> orNone(((PyTask) self).context));
        PyGetSetDescr.define(TYPE, "_fut_waiter", self -> orNone(((PyTask) self).futWaiter));
        PyGetSetDescr.define(TYPE, "_name", self -> ((PyTask) self).getName());
        PyGetSetDescr.define(TYPE, "_must_cancel", self -> PyBool.of(((PyTask) self).mustCancel),
                (self, v) -> ((PyTask) self).mustCancel = v != null && Ops.isTrue(v));
        PyGetSetDescr.define(TYPE, "_num_cancels_requested", self -> PyInt.of(((PyTask) self).numCancelsRequested),
                (self, v) -> ((PyTask) self).numCancelsRequested = v == null ? 0 : Args.asLong(v));
        PyGetSetDescr.define(TYPE, "_log_destroy_pending", self -> PyBool.of(((PyTask) self).logDestroyPending),
                (self, v) -> ((PyTask) self).logDestroyPending = v != null && Ops.isTrue(v));
    }

    static PyObject orNoneBorrowed(PyObject o) {
        return o == null ? PyNone.NONE : o;
    }

    // ---- construction and names ------------------------------------------------------------

    void initTask(PyObject[] a) {
        init(a[1]);
        PyObject c = a[0];
        if (!AsyncioModule.isCoroutine(c)) {
            logDestroyPending = false;
            throw Errors.typeError("a coroutine was expected, got %s", Ops.reprString(c));
        }
        if (a[2] == null || a[2] == PyNone.NONE) {
            nameNumber = AsyncioModule.nextTaskNumber();
        } else {
            name = Ops.str(a[2]);
        }
        coro = RefCount.newRef(c);
        context = a[3] == null || a[3] == PyNone.NONE ? AsyncioModule.copyContext() : RefCount.newRef(a[3]);
        boolean eager = a[4] != null && Ops.isTrue(a[4]);
        if (eager && AsyncioModule.isRunning(loop)) {
            eagerStart();
        } else {
            AsyncioModule.callSoon(loop, stepCall(), null, context);
            AsyncioModule.registerTask(this);
        }
    }

    PyObject getName() {
        if (name == null) name = PyStr.of("Task-" + nameNumber);
        return RefCount.newRef(name);
    }

    void setName(PyObject v) {
        PyObject n = Ops.str(v);
        PyObject old = name;
        name = n;
        RefCount.xdecref(old);
    }

    StepCall stepCall() {
        if (stepCall == null) stepCall = new StepCall(this);
        return stepCall;
    }

    WakeupCall wakeupCall() {
        if (wakeupCall == null) wakeupCall = new WakeupCall(this);
        return wakeupCall;
    }

    // ---- cancellation ----------------------------------------------------------------------

    boolean cancelTask(PyObject msg) {
        logTb = false;
        if (state != PENDING) return false;
        numCancelsRequested++;
        PyObject waiter = futWaiter;
        if (waiter != null) {
            boolean cancelled;
            if (waiter.type() == PyFuture.TYPE) {
                cancelled = ((PyFuture) waiter).cancel(msg == PyNone.NONE ? null : msg);
            } else {
                PyObject m = Ops.getAttr(waiter, "cancel");
                try {
                    PyObject r = Ops.call(m, new PyObject[] {msg == null ? PyNone.NONE : msg}, AsyncioModule.KW_MSG);
                    try {
                        cancelled = Ops.isTrue(r);
                    } finally {
                        RefCount.decref(r);
                    }
                } finally {
                    RefCount.decref(m);
                }
            }
            if (cancelled) return true;
        }
        mustCancel = true;
        cancelMessage = replace(cancelMessage, msg);
        return true;
    }

    long uncancel() {
        if (numCancelsRequested > 0) {
            numCancelsRequested--;
            if (numCancelsRequested == 0) mustCancel = false;
        }
        return numCancelsRequested;
    }

    // ---- stepping --------------------------------------------------------------------------

    /** One step; exc (borrowed, may be null) is thrown into the coroutine. */
    void step(PyObject exc) {
        if (state != PENDING) {
            throw AsyncioModule.invalidState("_step(): already done: " + Ops.reprString(this) + ", "
                    + (exc == null ? "None" : Ops.reprString(exc)));
        }
        PyObject e = exc == null ? null : RefCount.newRef(exc);
        if (mustCancel) {
            mustCancel = false;
            if (e == null || !Ops.isInstance(e, AsyncioModule.cancelledError())) {
                RefCount.xdecref(e);
                e = makeCancelledError();
            }
        }
        PyObject w = futWaiter;
        futWaiter = null;
        RefCount.xdecref(w);
        PyObject l = loop;
        AsyncioModule.enterTask(l, this);
        try {
            advance(e);
        } finally {
            AsyncioModule.leaveTask(l, this);
            if (state != PENDING) finished();
        }
    }

    /** The task is done: it leaves all_tasks, and the callables that point back go. */
    private void finished() {
        AsyncioModule.unregisterTask(this);
        StepCall s = stepCall;
        WakeupCall wk = wakeupCall;
        stepCall = null;
        wakeupCall = null;
        RefCount.xdecref(s);
        RefCount.xdecref(wk);
    }

    /** Resumes the coroutine once (exc owned or null) and acts on how it stopped. */
    private void advance(PyObject exc) {
        PyObject out;
        try {
            if (exc == null) {
                out = Ops.callMethod(coro, "send", PyNone.NONE);
            } else {
                try {
                    out = Ops.callMethod(coro, "throw", exc);
                } finally {
                    RefCount.decref(exc);
                }
            }
        } catch (PyException pe) {
            PyBaseException ex = pe.exc;
            if (ex.type().isSubtypeOf(PyExc.StopIteration)) {
                PyObject value = AsyncioModule.stopIterationValue(ex);
                RefCount.decref(ex);
                try {
                    if (mustCancel) {
                        mustCancel = false;
                        cancel(cancelMessage);
                    } else {
                        setResult(value);
                    }
                } finally {
                    RefCount.decref(value);
                }
                return;
            }
            if (Ops.isInstance(ex, AsyncioModule.cancelledError())) {
                PyObject old = cancelledExc;
                cancelledExc = ex;  // keeps our reference; result() re-raises this very object
                RefCount.xdecref(old);
                cancel(null);
                return;
            }
            if (ex.type().isSubtypeOf(PyExc.KeyboardInterrupt) || ex.type().isSubtypeOf(PyExc.SystemExit)) {
                setException(ex);
                throw pe;
            }
            try {
                setException(ex);
            } finally {
                RefCount.decref(ex);
            }
            return;
        }
        try {
            park(out);
        } finally {
            RefCount.decref(out);
        }
    }

    /** The coroutine yielded out (borrowed): wait on it, step again, or complain. */
    private void park(PyObject out) {
        String problem;
        if (out instanceof PyFuture f) {
            if (f.loop != loop) {
                problem = "Task " + Ops.reprString(this) + " got Future " + Ops.reprString(out) + " attached to a different loop";
            } else if (!f.blocking) {
                problem = "yield was used instead of yield from in task " + Ops.reprString(this) + " with " + Ops.reprString(out);
            } else if (out == this) {
                problem = "Task cannot await on itself: " + Ops.reprString(this);
            } else {
                f.blocking = false;
                if (f.type() == PyFuture.TYPE || f.type() == TYPE) {
                    f.addDoneCallbackInternal(wakeupCall(), context);
                } else {
                    AsyncioModule.addDoneCallback(f, wakeupCall(), context);
                }
                waitOn(f);
                return;
            }
        } else if (out == PyNone.NONE) {
            AsyncioModule.callSoon(loop, stepCall(), null, context);
            return;
        } else {
            PyObject blocking = Ops.lookupAttr(out, AsyncioModule.S_BLOCKING);
            if (blocking == null || blocking == PyNone.NONE) {
                RefCount.xdecref(blocking);
                if (out.type().name().equals("generator")) {
                    problem = "yield was used instead of yield from for generator in task " + Ops.reprString(this)
                            + " with " + Ops.reprString(out);
                } else {
                    problem = "Task got bad yield: " + Ops.reprString(out);
                }
            } else {
                boolean isBlocking = Ops.isTrue(blocking);
                RefCount.decref(blocking);
                PyObject outLoop = AsyncioModule.futureLoop(out);
                try {
                    if (outLoop != loop) {
                        problem = "Task " + Ops.reprString(this) + " got Future " + Ops.reprString(out)
                                + " attached to a different loop";
                    } else if (!isBlocking) {
                        problem = "yield was used instead of yield from in task " + Ops.reprString(this) + " with "
                                + Ops.reprString(out);
                    } else {
                        Ops.setAttr(out, AsyncioModule.S_BLOCKING, PyBool.FALSE);
                        AsyncioModule.addDoneCallback(out, wakeupCall(), context);
                        waitOn(out);
                        return;
                    }
                } finally {
                    RefCount.decref(outLoop);
                }
            }
        }
        PyObject msg = PyStr.of(problem);
        PyObject err;
        try {
            err = Ops.call(PyExc.RuntimeError, msg);
        } finally {
            RefCount.decref(msg);
        }
        try {
            AsyncioModule.callSoon(loop, new StepCall(this, err), null, context);
        } finally {
            RefCount.decref(err);
        }
    }

    /** Parks on fut (borrowed); a cancel() that arrived meanwhile is passed on to it. */
    private void waitOn(PyObject fut) {
        PyObject old = futWaiter;
        futWaiter = RefCount.newRef(fut);
        RefCount.xdecref(old);
        if (mustCancel) {
            boolean cancelled;
            if (fut.type() == PyFuture.TYPE || fut.type() == TYPE) {
                cancelled = fut.type() == TYPE ? ((PyTask) fut).cancelTask(cancelMessage) : ((PyFuture) fut).cancel(cancelMessage);
            } else {
                PyObject m = Ops.getAttr(fut, "cancel");
                try {
                    PyObject r = Ops.call(m, new PyObject[] {cancelMessage == null ? PyNone.NONE : cancelMessage},
                            AsyncioModule.KW_MSG);
                    cancelled = Ops.isTrue(r);
                    RefCount.decref(r);
                } finally {
                    RefCount.decref(m);
                }
            }
            if (cancelled) mustCancel = false;
        }
    }

    /** Done callback of the future the task was parked on. */
    void wakeup(PyObject fut) {
        PyObject exc = null;
        boolean plainSuccess = fut instanceof PyFuture f && (f.type() == PyFuture.TYPE || f.type() == TYPE)
                && f.state == FINISHED && f.exception == null;
        if (!plainSuccess) {
            try {
                RefCount.decref(Ops.callMethod(fut, "result"));
            } catch (PyException e) {
                exc = e.exc;
            }
        }
        try {
            step(exc);
        } finally {
            RefCount.xdecref(exc);
        }
    }

    private void eagerStart() {
        PyObject l = loop;
        PyObject prev = AsyncioModule.swapCurrentTask(l, this);
        try {
            AsyncioModule.registerEagerTask(this, true);
            try {
                advance(null);
            } finally {
                AsyncioModule.registerEagerTask(this, false);
            }
        } finally {
            PyObject mine = AsyncioModule.swapCurrentTask(l, prev);
            RefCount.xdecref(prev);
            RefCount.xdecref(mine);
            if (state != PENDING) {
                PyObject c = coro;
                coro = null;
                RefCount.xdecref(c);
                StepCall s = stepCall;
                WakeupCall wk = wakeupCall;
                stepCall = null;
                wakeupCall = null;
                RefCount.xdecref(s);
                RefCount.xdecref(wk);
            } else {
                AsyncioModule.registerTask(this);
            }
        }
    }

    // ---- death -----------------------------------------------------------------------------

    void finalizeTask() {
        if (state == PENDING && logDestroyPending && loop != null) {
            logDestroyPending = false;
            PyDict ctx = new PyDict();
            try {
                ctx.setItem(PyStr.intern("task"), this);
                PyStr msg = PyStr.of("Task was destroyed but it is pending!");
                ctx.setItem(PyStr.intern("message"), msg);
                RefCount.decref(msg);
                if (sourceTraceback != null) ctx.setItem(PyStr.intern("source_traceback"), sourceTraceback);
                RefCount.decref(Ops.callMethod(loop, "call_exception_handler", ctx));
            } finally {
                RefCount.decref(ctx);
            }
        }
        finalizeFuture();
    }

    @Override
    public void traverse(Visitor v) {
        super.traverse(v);
        if (coro != null) v.visit(coro);
        if (context != null) v.visit(context);
        if (name != null) v.visit(name);
        if (futWaiter != null) v.visit(futWaiter);
        if (stepCall != null) v.visit(stepCall);
        if (wakeupCall != null) v.visit(wakeupCall);
    }

    @Override
    public void releaseReferences() {
        PyObject[] drop = {coro, context, name, futWaiter, stepCall, wakeupCall};
        coro = context = name = futWaiter = null;
        stepCall = null;
        wakeupCall = null;
        super.releaseReferences();
        for (PyObject o : drop) RefCount.xdecref(o);
    }

    // ---- the callables handed to the loop --------------------------------------------------

    /** Runs one step of its task, optionally throwing an exception in (CPython's TaskStepMethWrapper). */
    static final class StepCall extends PyGcObject {
        static final PyType TYPE = Attr.install(PyType.builtin("TaskStepMethWrapper", StepCall.class), "_asyncio");

        static {
            TYPE.flags &= ~PyType.BASETYPE;
            TYPE.call = (self, args, kw) -> {
                StepCall s = (StepCall) self;
                if (args.length != 0 || kw != null) throw Errors.typeError("function takes no arguments");
                PyTask t = s.task;
                if (t == null) return PyNone.NONE;
                t.step(s.exc);
                return PyNone.NONE;
            };
            PyGetSetDescr.define(TYPE, "__self__", self -> orNone(((StepCall) self).task));
        }

        PyTask task;
        PyObject exc;

        StepCall(PyTask task) {
            this.task = (PyTask) RefCount.newRef(task);
        }

        StepCall(PyTask task, PyObject exc) {
            this(task);
            this.exc = RefCount.newRef(exc);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public void traverse(Visitor v) {
            if (task != null) v.visit(task);
            if (exc != null) v.visit(exc);
        }

        @Override
        public void releaseReferences() {
            PyObject t = task, e = exc;
            task = null;
            exc = null;
            RefCount.xdecref(t);
            RefCount.xdecref(e);
        }
    }

    /** The done callback that wakes its task (shown as Task.task_wakeup, as CPython's). */
    static final class WakeupCall extends PyGcObject {
        static final PyType TYPE = Attr.install(PyType.builtin("builtin_function_or_method", WakeupCall.class), "_asyncio");
        static final PyStr QUALNAME = PyStr.intern("Task.task_wakeup"), NAME = PyStr.intern("task_wakeup");

        static {
            TYPE.flags &= ~PyType.BASETYPE;
            TYPE.call = (self, args, kw) -> {
                if (args.length != 1 || kw != null) throw Errors.typeError("task_wakeup() takes exactly one argument");
                PyTask t = ((WakeupCall) self).task;
                if (t != null) t.wakeup(args[0]);
                return PyNone.NONE;
            };
            TYPE.repr = self -> PyStr.of("<built-in method task_wakeup of " + Ops.reprString(((WakeupCall) self).task) + ">");
            PyGetSetDescr.define(TYPE, "__self__", self -> orNone(((WakeupCall) self).task));
            PyGetSetDescr.define(TYPE, "__qualname__", self -> QUALNAME);
            PyGetSetDescr.define(TYPE, "__name__", self -> NAME);
        }

        PyTask task;

        WakeupCall(PyTask task) {
            this.task = (PyTask) RefCount.newRef(task);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public void traverse(Visitor v) {
            if (task != null) v.visit(task);
        }

        @Override
        public void releaseReferences() {
            PyTask t = task;
            task = null;
            RefCount.xdecref(t);
        }
    }
}
