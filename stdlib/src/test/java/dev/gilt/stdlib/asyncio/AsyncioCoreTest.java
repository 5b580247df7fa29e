package dev.gilt.stdlib.asyncio;

import static dev.gilt.stdlib.Py.call;
import static dev.gilt.stdlib.Py.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.Py;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Java loop core, handles and futures of {@code _asyncio}, driven directly (the golden
 * programs in tests/golden/asyncio drive them through the Python package).
 */
class AsyncioCoreTest {
    static PyType cancelledError;
    static PyType invalidState;

    @BeforeAll
    static void hooks() {
        Py.module("_asyncio");
        cancelledError = newClass("CancelledError", PyExc.BaseException);
        invalidState = newClass("InvalidStateError", PyExc.Exception);
        PyObject setHooks = Py.fn("_asyncio", "_set_hooks");
        Py.callKw(setHooks, new Object[0], java.util.Map.of("cancelled_error", cancelledError,
                "invalid_state_error", invalidState));
    }

    static PyType newClass(String name, PyType base) {
        return (PyType) Ops.call(PyType.TYPE, PyStr.of(name), PyTuple.of(base), new PyDict());
    }

    static PyLoopCore newLoop() {
        return (PyLoopCore) Ops.call(PyLoopCore.TYPE);
    }

    /** A builtin that appends its argument (or a fixed tag) to a Java list. */
    static PyObject recorder(List<String> log, String tag) {
        return PyBuiltinFunction.of("rec_" + tag.replace(" ", "_"), null, (Fn.FV) (self, args, kw) -> {
            log.add(args.length == 0 ? tag : tag + ":" + Ops.strString(args[0]));
            return PyNone.NONE;
        });
    }

    @Test
    @DisplayName("call_soon runs in FIFO order; what a callback schedules waits for the next iteration")
    void soonOrder() {
        PyLoopCore loop = newLoop();
        List<String> log = new ArrayList<>();
        PyObject chain = PyBuiltinFunction.of("chain", null, (Fn.FV) (self, args, kw) -> {
            log.add("chain");
            method(loop, "call_soon", recorder(log, "scheduled by chain"));
            return PyNone.NONE;
        });
        method(loop, "call_soon", recorder(log, "a"));
        method(loop, "call_soon", chain);
        method(loop, "call_soon", recorder(log, "b"));
        PyObject h = method(loop, "call_soon", recorder(log, "cancelled"));
        method(h, "cancel");
        loop.runOnce();
        assertEquals(List.of("a", "chain", "b"), log);
        loop.runOnce();
        assertEquals(List.of("a", "chain", "b", "scheduled by chain"), log);
        assertSame(PyBool.TRUE, method(h, "cancelled"));
    }

    @Test
    @DisplayName("timers run by deadline; equal deadlines come out in heapq's order")
    void timerOrder() throws Exception {
        PyLoopCore loop = newLoop();
        List<String> log = new ArrayList<>();
        double now = ((PyFloat) method(loop, "time")).value;
        double[] offsets = {5, 5, 5, 1, 5, 5, 1, 5, 5};
        for (int i = 0; i < offsets.length; i++) {
            method(loop, "call_at", PyFloat.of(now - 100 + offsets[i]), recorder(log, String.valueOf(i)));
        }
        loop.runOnce();
        // heapq with keys compared by time only pops 3 6 2 8 5 7 4 0 1 (checked with CPython).
        assertEquals("362857401", String.join("", log));

        log.clear();
        method(loop, "call_later", 0.03, recorder(log, "late"));
        method(loop, "call_later", 0.01, recorder(log, "early"));
        PyObject cancelled = method(loop, "call_later", 0.02, recorder(log, "cancelled"));
        method(cancelled, "cancel");
        long end = System.nanoTime() + 5_000_000_000L;
        while (log.size() < 2 && System.nanoTime() < end) loop.runOnce();
        assertEquals(List.of("early", "late"), log);
    }

    @Test
    @DisplayName("a heap that is mostly cancelled timers is rebuilt")
    void purge() {
        PyLoopCore loop = newLoop();
        List<String> log = new ArrayList<>();
        List<PyObject> timers = new ArrayList<>();
        for (int i = 0; i < 150; i++) timers.add(method(loop, "call_later", 3600 + i, recorder(log, "t")));
        for (int i = 0; i < 100; i++) method(timers.get(i), "cancel");
        assertEquals(100, loop.timerCancelledCount);
        method(loop, "call_soon", recorder(log, "soon"));
        loop.runOnce();
        assertEquals(0, loop.timerCancelledCount);
        assertEquals(50, ((PyList) Ops.getAttr(loop, "_scheduled")).size());
        assertEquals(List.of("soon"), log);
    }

    @Test
    @DisplayName("futures: callbacks in order through the loop, results, cancellation, states")
    void future() {
        PyLoopCore loop = newLoop();
        PyObject fut = method(loop, "create_future");
        List<String> log = new ArrayList<>();
        PyObject cb1 = recorder(log, "cb1");
        method(fut, "add_done_callback", cb1);
        method(fut, "add_done_callback", recorder(log, "cb2"));
        method(fut, "add_done_callback", cb1);
        assertEquals(2L, ((dev.gilt.runtime.object.PyInt) method(fut, "remove_done_callback", cb1)).value);
        assertSame(PyBool.FALSE, method(fut, "done"));
        PyException e = assertThrows(PyException.class, () -> method(fut, "result"));
        assertSame(invalidState, e.exc.type());
        method(fut, "set_result", "value");
        assertTrue(log.isEmpty(), "callbacks never run inside set_result");
        loop.runOnce();
        assertEquals(1, log.size());
        assertEquals("cb2:<Future>", log.get(0), "called with the future (repr without the package's hook)");
        assertEquals("value", Py.s(method(fut, "result")));
        e = assertThrows(PyException.class, () -> method(fut, "set_result", "again"));
        assertEquals("invalid state", Py.message(e));

        PyObject f2 = method(loop, "create_future");
        assertSame(PyBool.TRUE, Py.callKw(Ops.getAttr(f2, "cancel"), new Object[0], java.util.Map.of("msg", "why")));
        assertSame(PyBool.TRUE, method(f2, "cancelled"));
        e = assertThrows(PyException.class, () -> method(f2, "result"));
        assertSame(cancelledError, e.exc.type());
        assertEquals("why", Py.message(e));
        assertSame(PyBool.FALSE, method(f2, "cancel"));

        PyObject f3 = method(loop, "create_future");
        method(f3, "set_exception", PyExc.KeyError);
        assertEquals("KeyError", ((PyObject) method(f3, "exception")).type().name());
        assertSame(PyBool.TRUE, method(f3, "done"));
    }

    @Test
    @DisplayName("running a handle leaves the callback's refcount where it was")
    void handleRefcounts() {
        PyLoopCore loop = newLoop();
        List<String> log = new ArrayList<>();
        PyObject cb = recorder(log, "x");
        PyObject arg = new PyList();
        long cbBefore = RefCount.count(cb), argBefore = RefCount.count(arg);
        RefCount.decref(method(loop, "call_soon", cb, arg));
        assertEquals(cbBefore + 1, RefCount.count(cb));
        loop.runOnce();
        assertEquals(List.of("x:[]"), log);
        assertEquals(cbBefore, RefCount.count(cb));
        assertEquals(argBefore, RefCount.count(arg));
    }

    @Test
    @DisplayName("call_soon_threadsafe from another thread wakes a loop waiting in its selector")
    void threadsafeWakeup() throws Exception {
        PyLoopCore loop = newLoop();
        PyObject sel = call(AsyncioLoopTest.M, "Selector");
        method(loop, "_set_selector", sel);
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        PyObject cb = recorder(log, "from thread");
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            method(loop, "call_soon_threadsafe", cb);
        });
        long t0 = System.nanoTime();
        t.start();
        // Nothing is scheduled: without the wakeup this iteration would wait forever.
        while (log.isEmpty() && System.nanoTime() - t0 < 10_000_000_000L) loop.runOnce();
        t.join();
        assertEquals(List.of("from thread"), log);
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000);
        method(sel, "close");
    }

    @Test
    @DisplayName("a closed loop refuses new callbacks; time is monotonic")
    void closed() {
        PyLoopCore loop = newLoop();
        assertFalse(loop.closed);
        loop.closed = true;
        PyException e = assertThrows(PyException.class, () -> method(loop, "call_soon", recorder(new ArrayList<>(), "x")));
        assertEquals("Event loop is closed", Py.message(e));
        double a = ((PyFloat) method(loop, "time")).value, b = ((PyFloat) method(loop, "time")).value;
        assertTrue(b >= a);
        e = assertThrows(PyException.class, () -> method(loop, "call_later", PyNone.NONE, recorder(new ArrayList<>(), "x")));
        assertEquals("delay must not be None", Py.message(e));
    }
}
