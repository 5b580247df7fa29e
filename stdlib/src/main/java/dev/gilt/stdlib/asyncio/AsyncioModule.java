package dev.gilt.stdlib.asyncio;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PySet;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code _asyncio}: asyncio's Future and Task in Java, and the current-task bookkeeping (the
 * role of CPython's C module of the same name). lib/asyncio uses them when this module imports
 * and keeps its Python classes as {@code _PyFuture}/{@code _PyTask}.
 *
 * <p>The Python package hands over what Java needs from it once, with {@code _set_hooks(...)}:
 * the exception classes (CancelledError, InvalidStateError), get_event_loop, iscoroutine,
 * the repr and stack helpers, copy_context (or None), and the set of pending tasks.
 *
 * <h2>Threads</h2>
 * Futures and tasks belong to one loop and are touched by its thread only. The current-task map
 * is shared by every loop of the process (one per thread), so it is synchronized.
 */
public final class AsyncioModule implements ModuleProvider {
    @Override
    public String name() {
        return "_asyncio";
    }

    // ---- hooks from the Python package -----------------------------------------------------

    static final int H_GET_EVENT_LOOP = 0, H_FUTURE_REPR = 1, H_FUTURE_REPR_INFO = 2, H_TASK_REPR = 3,
            H_TASK_REPR_INFO = 4, H_TASK_GET_STACK = 5, H_TASK_PRINT_STACK = 6, H_ISCOROUTINE = 7,
            H_CANCELLED_ERROR = 8, H_INVALID_STATE_ERROR = 9, H_ALL_TASKS = 10, H_COPY_CONTEXT = 11,
            H_EAGER_TASKS = 12, H_HANDLE_REPR = 13, H_FORMAT_CALLBACK = 14;
    static final String[] HOOK_NAMES = {"get_event_loop", "future_repr", "future_repr_info", "task_repr",
        "task_repr_info", "task_get_stack", "task_print_stack", "iscoroutine", "cancelled_error",
        "invalid_state_error", "all_tasks", "copy_context", "eager_tasks", "handle_repr", "format_callback"};
    private static final PyObject[] HOOKS = new PyObject[HOOK_NAMES.length];
    private static final ArgParser SET_HOOKS;

    static {
        String[] names = new String[HOOK_NAMES.length + 1];
        names[0] = "*";
        System.arraycopy(HOOK_NAMES, 0, names, 1, HOOK_NAMES.length);
        SET_HOOKS = ArgParser.of("_set_hooks", 0, 0, names);
    }

    /** A hook (borrowed); RuntimeError if the package never set it. */
    static PyObject hook(int i) {
        PyObject h = HOOKS[i];
        if (h == null) throw Errors.runtimeError("_asyncio is not initialised (" + HOOK_NAMES[i] + ")");
        return h;
    }

    static final PyStr S_BLOCKING = PyStr.intern("_asyncio_future_blocking");
    static final PyStr S_CALL_SOON = PyStr.intern("call_soon");
    static final PyTuple KW_CONTEXT = (PyTuple) RefCount.immortalize(PyTuple.of(PyStr.intern("context")));
    static final PyTuple KW_MSG = (PyTuple) RefCount.immortalize(PyTuple.of(PyStr.intern("msg")));

    private static final AtomicLong TASK_NUMBER = new AtomicLong();

    /** The task each running loop executes now: loop -> task (both owned). */
    private static final Map<PyObject, PyObject> CURRENT = new IdentityHashMap<>();

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("_asyncio");
        m.set("Future", PyFuture.TYPE);
        m.set("Task", PyTask.TYPE);
        m.set("FutureIter", FutureIter.TYPE);
        m.set("Handle", PyHandle.TYPE);
        m.set("TimerHandle", PyHandle.Timer.TYPE);
        m.set("LoopCore", PyLoopCore.TYPE);
        m.def("_set_result_unless_cancelled", (Fn.F2) (self, fut, result) -> {
            if (fut instanceof PyFuture f && f.type() == PyFuture.TYPE) {
                if (f.state == PyFuture.PENDING) f.setResult(result);
                return PyNone.NONE;
            }
            PyObject st = Ops.getAttr(fut, "_state");
            try {
                if (st instanceof PyStr s1 && s1.value.equals("PENDING")) RefCount.decref(Ops.callMethod(fut, "set_result", result));
            } finally {
                RefCount.decref(st);
            }
            return PyNone.NONE;
        });
        m.def("_set_hooks", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = SET_HOOKS.parse(args, kw);
            for (int i = 0; i < a.length; i++) {
                if (a[i] == null) continue;
                PyObject old = HOOKS[i];
                HOOKS[i] = a[i] == PyNone.NONE ? null : RefCount.newRef(a[i]);
                RefCount.xdecref(old);
            }
            return PyNone.NONE;
        });
        m.def("_next_task_number", (Fn.F0) self -> PyInt.of(nextTaskNumber()));
        m.def("current_task", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = ArgParser.of("current_task", 0, 0, "loop").parse(args, kw);
            PyObject l = a[0];
            if (l == null || l == PyNone.NONE) {
                l = runningLoop();
                if (l == null) throw Errors.runtimeError("no running event loop");
            }
            synchronized (CURRENT) {
                PyObject t = CURRENT.get(l);
                return RefCount.newRef(t == null ? PyNone.NONE : t);
            }
        });
        m.def("_enter_task", (Fn.F2) (self, l, t) -> {
            enterTask(l, t);
            return PyNone.NONE;
        });
        m.def("_leave_task", (Fn.F2) (self, l, t) -> {
            leaveTask(l, t);
            return PyNone.NONE;
        });
        m.def("_swap_current_task", (Fn.F2) (self, l, t) -> {
            PyObject prev = swapCurrentTask(l, t == PyNone.NONE ? null : t);
            return prev == null ? PyNone.NONE : prev;
        });
        m.def("_register_task", (Fn.F1) (self, t) -> {
            registerTask(t);
            return PyNone.NONE;
        });
        m.def("_unregister_task", (Fn.F1) (self, t) -> {
            unregisterTask(t);
            return PyNone.NONE;
        });
        return m;
    }

    static long nextTaskNumber() {
        return TASK_NUMBER.incrementAndGet();
    }

    /** The running loop of this thread (borrowed) or null: the slot of _asyncio_loop. */
    static PyObject runningLoop() {
        return AsyncioLoopModule.runningLoop();
    }

    // ---- current task ----------------------------------------------------------------------

    static void enterTask(PyObject loop, PyObject task) {
        synchronized (CURRENT) {
            PyObject cur = CURRENT.get(loop);
            if (cur == null) {
                CURRENT.put(RefCount.newRef(loop), RefCount.newRef(task));
                return;
            }
        }
        PyObject cur;
        synchronized (CURRENT) {
            cur = CURRENT.get(loop);
        }
        throw Errors.runtimeError("Cannot enter into task " + Ops.reprString(task) + " while another task "
                + Ops.reprString(cur) + " is being executed.");
    }

    static void leaveTask(PyObject loop, PyObject task) {
        PyObject cur;
        synchronized (CURRENT) {
            cur = CURRENT.get(loop);
            if (cur == task) {
                CURRENT.remove(loop);
            }
        }
        if (cur != task) {
            throw Errors.runtimeError("Leaving task " + Ops.reprString(task) + " does not match the current task "
                    + (cur == null ? "None" : Ops.reprString(cur)) + ".");
        }
        // The map's references to the loop and the task go (the loop key was incref'd on entry).
        RefCount.decref(cur);
        RefCount.decref(loop);
    }

    /** Makes task (null: none) current for loop; returns the previous one (new reference) or null. */
    static PyObject swapCurrentTask(PyObject loop, PyObject task) {
        synchronized (CURRENT) {
            PyObject prev = CURRENT.get(loop);
            if (task == null) {
                if (prev != null) {
                    CURRENT.remove(loop);
                    RefCount.decref(loop);
                }
            } else if (prev == null) {
                CURRENT.put(RefCount.newRef(loop), RefCount.newRef(task));
            } else {
                CURRENT.put(loop, RefCount.newRef(task));
            }
            return prev;  // the map's reference goes to the caller
        }
    }

    // ---- all tasks -------------------------------------------------------------------------

    static void registerTask(PyObject task) {
        PyObject s = HOOKS[H_ALL_TASKS];
        if (s instanceof PySet set) set.add(task);
        else if (s != null) RefCount.decref(Ops.callMethod(s, "add", task));
    }

    static void unregisterTask(PyObject task) {
        PyObject s = HOOKS[H_ALL_TASKS];
        if (s instanceof PySet set) set.discard(task);
        else if (s != null) RefCount.decref(Ops.callMethod(s, "discard", task));
    }

    static void registerEagerTask(PyObject task, boolean add) {
        PyObject s = HOOKS[H_EAGER_TASKS];
        if (s == null) return;
        if (s instanceof PySet set) {
            if (add) set.add(task);
            else set.discard(task);
        } else {
            RefCount.decref(Ops.callMethod(s, add ? "add" : "discard", task));
        }
    }

    // ---- services for Future and Task ------------------------------------------------------

    /** The call_soon of LoopCore, to tell whether a loop class overrides it. */
    private static volatile PyObject coreCallSoon;
    private static volatile PyType plainType;
    private static volatile int plainVersion;

    /** True if loop is a LoopCore whose class does not override call_soon. */
    private static boolean plainCore(PyObject loop) {
        if (!(loop instanceof PyLoopCore)) return false;
        PyType t = loop.type();
        if (t == plainType && t.version == plainVersion) return true;
        PyObject mine = coreCallSoon;
        if (mine == null) coreCallSoon = mine = PyLoopCore.TYPE.lookup(S_CALL_SOON);
        int v = t.version;
        if (t.lookup(S_CALL_SOON) != mine) return false;
        plainVersion = v;
        plainType = t;
        return true;
    }

    /** loop.call_soon(fn[, arg], context=ctx), result dropped. */
    static void callSoon(PyObject loop, PyObject fn, PyObject arg, PyObject ctx) {
        if (plainCore(loop)) {
            PyLoopCore core = (PyLoopCore) loop;
            core.checkClosed();
            if (!core.debug) {
                core.addReady(arg == null ? new PyHandle(fn, PyTuple.EMPTY, core, ctx)
                        : PyHandle.withOneArg(fn, arg, core, ctx));
                return;
            }
        }
        PyObject m = Ops.getAttr(loop, S_CALL_SOON);
        try {
            PyObject c = ctx == null ? PyNone.NONE : ctx;
            PyObject[] args = arg == null ? new PyObject[] {fn, c} : new PyObject[] {fn, arg, c};
            RefCount.decref(Ops.call(m, args, KW_CONTEXT));
        } finally {
            RefCount.decref(m);
        }
    }

    /** fut.add_done_callback(fn, context=ctx) through Python (for foreign futures). */
    static void addDoneCallback(PyObject fut, PyObject fn, PyObject ctx) {
        PyObject m = Ops.getAttr(fut, "add_done_callback");
        try {
            RefCount.decref(Ops.call(m, new PyObject[] {fn, ctx == null ? PyNone.NONE : ctx}, KW_CONTEXT));
        } finally {
            RefCount.decref(m);
        }
    }

    /** futures._get_loop(fut): fut.get_loop() or fut._loop (new reference). */
    static PyObject futureLoop(PyObject fut) {
        if (fut instanceof PyFuture f) {
            f.checkInit();
            return RefCount.newRef(f.loop);
        }
        PyObject gl = Ops.lookupAttr(fut, PyStr.intern("get_loop"));
        if (gl != null) {
            try {
                return Ops.call(gl);
            } finally {
                RefCount.decref(gl);
            }
        }
        return Ops.getAttr(fut, "_loop");
    }

    static boolean isRunning(PyObject loop) {
        PyObject r = Ops.callMethod(loop, "is_running");
        try {
            return Ops.isTrue(r);
        } finally {
            RefCount.decref(r);
        }
    }

    /** events.get_event_loop() (new reference). */
    static PyObject getEventLoop() {
        PyObject l = runningLoop();
        if (l != null) return RefCount.newRef(l);
        return Ops.call(hook(H_GET_EVENT_LOOP));
    }

    /** contextvars.copy_context() or null when the interpreter has no contextvars. */
    static PyObject copyContext() {
        PyObject cc = HOOKS[H_COPY_CONTEXT];
        return cc == null ? null : Ops.call(cc);
    }

    static boolean isCoroutine(PyObject o) {
        if (o.type().name().equals("coroutine")) return true;
        PyObject r = Ops.call(hook(H_ISCOROUTINE), o);
        try {
            return Ops.isTrue(r);
        } finally {
            RefCount.decref(r);
        }
    }

    /** asyncio.CancelledError (borrowed). */
    static PyType cancelledError() {
        return (PyType) hook(H_CANCELLED_ERROR);
    }

    static PyException invalidState(String msg) {
        PyObject m = PyStr.of(msg);
        try {
            PyObject e = Ops.call(hook(H_INVALID_STATE_ERROR), m);
            return new PyException((PyBaseException) e);
        } finally {
            RefCount.decref(m);
        }
    }

    /** StopIteration.value (new reference). */
    static PyObject stopIterationValue(PyBaseException e) {
        PyObject v = Ops.lookupAttr(e, PyStr.intern("value"));
        if (v != null) return v;
        return RefCount.newRef(e.args.size() > 0 ? e.args.get(0) : PyNone.NONE);
    }

    static PyObject hookRepr(PyObject fut) {
        return callHook(H_FUTURE_REPR, fut, "<Future>");
    }

    static PyObject hookReprInfo(PyObject fut) {
        return Ops.call(hook(H_FUTURE_REPR_INFO), fut);
    }

    static PyObject hookTaskRepr(PyObject task) {
        return callHook(H_TASK_REPR, task, "<Task>");
    }

    static PyObject hookTaskReprInfo(PyObject task) {
        return Ops.call(hook(H_TASK_REPR_INFO), task);
    }

    static PyObject hookHandleRepr(PyObject h) {
        return callHook(H_HANDLE_REPR, h, "<Handle>");
    }

    /** format_helpers._format_callback_source(cb, args) (new reference). */
    static PyObject hookFormatCallback(PyObject cb, PyTuple args) {
        PyObject h = HOOKS[H_FORMAT_CALLBACK];
        if (h == null) return Ops.repr(cb);
        return Ops.call(h, cb, args);
    }

    private static PyObject callHook(int i, PyObject arg, String fallback) {
        PyObject h = HOOKS[i];
        if (h == null) return PyStr.of(fallback);
        return Ops.call(h, arg);
    }
}
