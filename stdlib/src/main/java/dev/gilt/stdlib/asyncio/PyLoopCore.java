package dev.gilt.stdlib.asyncio;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.HasDict;
import dev.gilt.runtime.object.InstanceState;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyFloat;
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
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * {@code _asyncio.LoopCore}: the event loop's scheduling core in Java — the ready queue, the
 * timer heap and one iteration ({@code _run_once}). Same methods and behaviour as
 * {@code asyncio.base_loop._PyLoopCore}, whose module docstring describes an iteration;
 * {@code BaseEventLoop} inherits from this class under Gilt.
 *
 * <h2>Threads</h2>
 * The heap and the loop's state belong to the thread running the loop. The ready queue may also
 * be appended to by other threads ({@code call_soon_threadsafe}), so every access to it holds
 * the queue's monitor; the appending thread then wakes the selector. A callback appended while
 * an iteration runs callbacks waits for the next iteration (the count is taken first), as in
 * CPython.
 *
 * <h2>Timers</h2>
 * A binary heap of TimerHandles ordered by their time only, with heapq's sift algorithm, so ties
 * leave the heap in the same order as CPython's loop.
 *
 * <p>Refcounts: the queue, the heap and the selector slot own their references.
 */
public class PyLoopCore extends PyGcObject {
    public static final PyType TYPE = Attr.install(PyType.builtin("LoopCore", PyLoopCore.class), "_asyncio");

    static final int MIN_SCHEDULED_TIMER_HANDLES = 100;
    static final double MAXIMUM_SELECT_TIMEOUT = 24 * 3600;

    private final ArrayDeque<PyObject> ready = new ArrayDeque<>();
    private PyHandle.Timer[] heap = new PyHandle.Timer[16];
    private int heapSize;
    int timerCancelledCount;
    boolean closed, stopping, debug;
    PyObject threadId;
    double clockResolution = 1e-9;
    PyObject currentHandle;
    /** The selector (owned) and, when it is ours, the same object typed. */
    PyObject selector;
    PySelector jsel;

    PyLoopCore() {}

    @Override
    public PyType type() {
        return TYPE;
    }

    static final class Sub extends PyLoopCore implements HasDict {
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

    static final ArgParser CALL_SOON = ArgParser.of("call_soon", 1, 0, "callback", "*", "context");

    static {
        TYPE.flags |= PyType.WEAKREFABLE;
        TYPE.newInstance = (type, args, kw) -> type == TYPE ? new PyLoopCore() : new Sub(type);
        TYPE.init = (self, args, kw) -> {};
        PyMethodDescr.define(TYPE, "time", (Fn.F0) self -> PyFloat.of(now()));
        PyMethodDescr.define(TYPE, "is_running", (Fn.F0) self -> PyBool.of(((PyLoopCore) self).threadId != null));
        PyMethodDescr.define(TYPE, "is_closed", (Fn.F0) self -> PyBool.of(((PyLoopCore) self).closed));
        PyMethodDescr.define(TYPE, "get_debug", (Fn.F0) self -> PyBool.of(((PyLoopCore) self).debug));
        PyMethodDescr.define(TYPE, "set_debug", (Fn.F1) (self, v) -> {
            ((PyLoopCore) self).debug = Ops.isTrue(v);
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "stop", (Fn.F0) self -> {
            ((PyLoopCore) self).stopping = true;
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "_check_closed", (Fn.F0) self -> {
            ((PyLoopCore) self).checkClosed();
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "_set_selector", (Fn.F1) (self, sel) -> {
            ((PyLoopCore) self).setSelector(sel);
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "_clear_callbacks", (Fn.F0) self -> {
            ((PyLoopCore) self).clearCallbacks();
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "call_soon", (Fn.FV) (self, args, kw) -> ((PyLoopCore) self).callSoonMethod(args, kw, false));
        PyMethodDescr.define(TYPE, "call_soon_threadsafe", (Fn.FV) (self, args, kw) ->
                ((PyLoopCore) self).callSoonMethod(args, kw, true));
        PyMethodDescr.define(TYPE, "call_later", (Fn.FV) (self, args, kw) -> ((PyLoopCore) self).callLaterMethod(args, kw, true));
        PyMethodDescr.define(TYPE, "call_at", (Fn.FV) (self, args, kw) -> ((PyLoopCore) self).callLaterMethod(args, kw, false));
        PyMethodDescr.define(TYPE, "_call_soon", (Fn.F3) (self, cb, args, ctx) -> {
            PyLoopCore core = (PyLoopCore) self;
            PyHandle h = new PyHandle(cb, (PyTuple) RefCount.newRef(args), core, ctx);
            core.addReady(h);
            return RefCount.newRef(h);
        });
        PyMethodDescr.define(TYPE, "_add_callback", (Fn.F1) (self, h) -> {
            if (!handleCancelled(h)) ((PyLoopCore) self).addReady(RefCount.newRef(h));
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "_write_to_self", (Fn.F0) self -> {
            ((PyLoopCore) self).wakeup();
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "_timer_handle_cancelled", (Fn.F1) (self, h) -> {
            if (h instanceof PyHandle.Timer t) ((PyLoopCore) self).timerCancelled(t);
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "_process_events", (Fn.F1) (self, events) -> {
            ((PyLoopCore) self).processEventList(events);
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "create_future", (Fn.F0) self -> {
            PyFuture f = new PyFuture();
            f.loop = RefCount.newRef(self);
            return f;
        });
        PyMethodDescr.define(TYPE, "_run_once", (Fn.F0) self -> {
            ((PyLoopCore) self).runOnce();
            return PyNone.NONE;
        });
        PyGetSetDescr.define(TYPE, "_closed", self -> PyBool.of(((PyLoopCore) self).closed),
                (self, v) -> ((PyLoopCore) self).closed = v != null && Ops.isTrue(v));
        PyGetSetDescr.define(TYPE, "_stopping", self -> PyBool.of(((PyLoopCore) self).stopping),
                (self, v) -> ((PyLoopCore) self).stopping = v != null && Ops.isTrue(v));
        PyGetSetDescr.define(TYPE, "_debug", self -> PyBool.of(((PyLoopCore) self).debug),
                (self, v) -> ((PyLoopCore) self).debug = v != null && Ops.isTrue(v));
        PyGetSetDescr.define(TYPE, "_thread_id", self -> PyFuture.orNone(((PyLoopCore) self).threadId),
                (self, v) -> ((PyLoopCore) self).threadId = PyFuture.replace(((PyLoopCore) self).threadId, v));
        PyGetSetDescr.define(TYPE, "_clock_resolution", self -> PyFloat.of(((PyLoopCore) self).clockResolution),
                (self, v) -> ((PyLoopCore) self).clockResolution = v == null ? 1e-9 : Args.asDouble(v));
        PyGetSetDescr.define(TYPE, "_current_handle", self -> PyFuture.orNone(((PyLoopCore) self).currentHandle),
                (self, v) -> ((PyLoopCore) self).currentHandle = PyFuture.replace(((PyLoopCore) self).currentHandle, v));
        PyGetSetDescr.define(TYPE, "_timer_cancelled_count", self -> PyInt.of(((PyLoopCore) self).timerCancelledCount));
        PyGetSetDescr.define(TYPE, "_ready", self -> ((PyLoopCore) self).readySnapshot());
        PyGetSetDescr.define(TYPE, "_scheduled", self -> ((PyLoopCore) self).heapSnapshot());
    }

    static double now() {
        return System.nanoTime() / 1e9;
    }

    /** The debug flag of any loop (ours without a call). */
    static boolean debugOf(PyObject loop) {
        if (loop instanceof PyLoopCore c) return c.debug;
        PyObject r = Ops.callMethod(loop, "get_debug");
        try {
            return Ops.isTrue(r);
        } finally {
            RefCount.decref(r);
        }
    }

    static boolean handleCancelled(PyObject h) {
        if (h instanceof PyHandle ph) return ph.cancelled;
        PyObject c = Ops.getAttr(h, "_cancelled");
        try {
            return Ops.isTrue(c);
        } finally {
            RefCount.decref(c);
        }
    }

    void checkClosed() {
        if (closed) throw Errors.runtimeError("Event loop is closed");
    }

    private void setSelector(PyObject sel) {
        PyObject old = selector;
        selector = sel == PyNone.NONE ? null : RefCount.newRef(sel);
        jsel = selector instanceof PySelector ps ? ps : null;
        RefCount.xdecref(old);
    }

    private void wakeup() {
        PySelector s = jsel;
        if (s != null) {
            s.wakeupFromAnyThread();
        } else if (selector != null) {
            RefCount.decref(Ops.callMethod(selector, "wakeup"));
        }
    }

    // ---- the ready queue (monitor: the deque) ------------------------------------------------

    /** Appends a handle, taking over the caller's reference. */
    void addReady(PyObject h) {
        synchronized (ready) {
            ready.addLast(h);
        }
    }

    private PyObject pollReady() {
        synchronized (ready) {
            return ready.pollFirst();
        }
    }

    private int readySize() {
        synchronized (ready) {
            return ready.size();
        }
    }

    private PyObject readySnapshot() {
        PyObject[] items;
        synchronized (ready) {
            items = ready.toArray(new PyObject[0]);
        }
        PyList l = new PyList();
        for (PyObject o : items) l.append(o);
        return l;
    }

    private void clearCallbacks() {
        PyObject[] items;
        synchronized (ready) {
            items = ready.toArray(new PyObject[0]);
            ready.clear();
        }
        PyHandle.Timer[] timers = Arrays.copyOf(heap, heapSize);
        Arrays.fill(heap, 0, heapSize, null);
        heapSize = 0;
        timerCancelledCount = 0;
        for (PyObject o : items) RefCount.decref(o);
        for (PyHandle.Timer t : timers) RefCount.decref(t);
    }

    // ---- scheduling --------------------------------------------------------------------------

    /** call_soon(callback, *args, context=None) and call_soon_threadsafe. */
    private PyObject callSoonMethod(PyObject[] args, PyTuple kw, boolean threadsafe) {
        PyObject ctx = null;
        int npos = args.length;
        if (kw != null && kw.size() > 0) {
            npos -= kw.size();
            for (int i = 0; i < kw.size(); i++) {
                String k = ((PyStr) kw.get(i)).value;
                if (!k.equals("context")) {
                    throw Errors.typeError("%s() got an unexpected keyword argument '%s'",
                            threadsafe ? "call_soon_threadsafe" : "call_soon", k);
                }
                ctx = args[npos + i];
            }
        }
        if (npos < 1) {
            throw Errors.typeError("%s() missing 1 required positional argument: 'callback'",
                    threadsafe ? "call_soon_threadsafe" : "call_soon");
        }
        checkClosed();
        if (debug) {
            if (!threadsafe) RefCount.decref(Ops.callMethod(this, "_check_thread"));
            RefCount.decref(Ops.callMethod(this, "_check_callback", args[0],
                    PyStr.of(threadsafe ? "call_soon_threadsafe" : "call_soon")));
        }
        PyHandle h = new PyHandle(args[0], PyTuple.fromArray(args, 1, npos), this, ctx);
        RefCount.incref(h);
        addReady(h);
        if (threadsafe) wakeup();
        return h;
    }

    /** call_later(delay, callback, *args, context=None) and call_at(when, ...). */
    private PyObject callLaterMethod(PyObject[] args, PyTuple kw, boolean relative) {
        String fname = relative ? "call_later" : "call_at";
        PyObject ctx = null;
        int npos = args.length;
        if (kw != null && kw.size() > 0) {
            npos -= kw.size();
            for (int i = 0; i < kw.size(); i++) {
                String k = ((PyStr) kw.get(i)).value;
                if (!k.equals("context")) throw Errors.typeError("%s() got an unexpected keyword argument '%s'", fname, k);
                ctx = args[npos + i];
            }
        }
        if (npos < 2) {
            throw Errors.typeError("%s() missing %d required positional argument%s", fname, 2 - npos, npos == 1 ? "" : "s");
        }
        PyObject t = args[0];
        if (t == PyNone.NONE) throw Errors.typeError(relative ? "delay must not be None" : "when cannot be None");
        PyObject whenObj;
        double when;
        if (relative) {
            double delay = t instanceof PyFloat f ? f.value : Args.asDouble(t);
            when = now() + delay;
            whenObj = PyFloat.of(when);
        } else {
            when = t instanceof PyFloat f ? f.value : Args.asDouble(t);
            whenObj = RefCount.newRef(t);
        }
        try {
            checkClosed();
            if (debug) {
                RefCount.decref(Ops.callMethod(this, "_check_thread"));
                RefCount.decref(Ops.callMethod(this, "_check_callback", args[1], PyStr.of(fname)));
            }
            PyHandle.Timer h = new PyHandle.Timer(when, whenObj, args[1], PyTuple.fromArray(args, 2, npos), this, ctx);
            push(h);
            h.scheduled = true;
            return RefCount.newRef(h);
        } finally {
            RefCount.decref(whenObj);
        }
    }

    void timerCancelled(PyHandle.Timer t) {
        if (t.scheduled) timerCancelledCount++;
    }

    // ---- the timer heap (heapq's algorithm, keyed on the time only) --------------------------

    /** Adds a timer, taking over the caller's reference. */
    private void push(PyHandle.Timer t) {
        if (heapSize == heap.length) heap = Arrays.copyOf(heap, heapSize * 2);
        heap[heapSize] = t;
        siftDown(0, heapSize++);
    }

    /** Removes the earliest timer; the caller gets the heap's reference. */
    private PyHandle.Timer pop() {
        PyHandle.Timer last = heap[--heapSize];
        heap[heapSize] = null;
        if (heapSize == 0) return last;
        PyHandle.Timer top = heap[0];
        heap[0] = last;
        siftUp(0);
        return top;
    }

    private void siftDown(int startpos, int pos) {
        PyHandle.Timer item = heap[pos];
        while (pos > startpos) {
            int parentpos = (pos - 1) >> 1;
            PyHandle.Timer parent = heap[parentpos];
            if (item.when < parent.when) {
                heap[pos] = parent;
                pos = parentpos;
                continue;
            }
            break;
        }
        heap[pos] = item;
    }

    private void siftUp(int pos) {
        int endpos = heapSize;
        int startpos = pos;
        PyHandle.Timer item = heap[pos];
        int childpos = 2 * pos + 1;
        while (childpos < endpos) {
            int rightpos = childpos + 1;
            if (rightpos < endpos && !(heap[childpos].when < heap[rightpos].when)) childpos = rightpos;
            heap[pos] = heap[childpos];
            pos = childpos;
            childpos = 2 * pos + 1;
        }
        heap[pos] = item;
        siftDown(startpos, pos);
    }

    private void purgeCancelledTimers() {
        int n = 0;
        for (int i = 0; i < heapSize; i++) {
            PyHandle.Timer t = heap[i];
            if (t.cancelled) {
                t.scheduled = false;
                RefCount.decref(t);
            } else {
                heap[n++] = t;
            }
        }
        Arrays.fill(heap, n, heapSize, null);
        heapSize = n;
        for (int i = n / 2 - 1; i >= 0; i--) siftUp(i);
        timerCancelledCount = 0;
    }

    private PyObject heapSnapshot() {
        PyList l = new PyList();
        for (int i = 0; i < heapSize; i++) {
            PyHandle.Timer t = heap[i];
            l.appendSteal(PyTuple.of(t.whenObj, t));
        }
        return l;
    }

    // ---- one iteration -----------------------------------------------------------------------

    void runOnce() {
        if (heapSize > MIN_SCHEDULED_TIMER_HANDLES && (double) timerCancelledCount / heapSize > 0.5) {
            purgeCancelledTimers();
        } else {
            while (heapSize > 0 && heap[0].cancelled) {
                timerCancelledCount--;
                PyHandle.Timer t = pop();
                t.scheduled = false;
                RefCount.decref(t);
            }
        }

        boolean forever = false;
        double timeout;
        if (readySize() > 0 || stopping) {
            timeout = 0;
        } else if (heapSize > 0) {
            timeout = Math.min(Math.max(0, heap[0].when - now()), MAXIMUM_SELECT_TIMEOUT);
        } else {
            timeout = 0;
            forever = true;
        }
        if (jsel != null) {
            if (forever || timeout > 0 || !jsel.isEmpty()) {
                List<Object[]> events = jsel.selectReady(forever, timeout);
                try {
                    for (Object[] ev : events) processEvent((PyObject) ev[0], (Integer) ev[1]);
                } finally {
                    for (Object[] ev : events) RefCount.decref((PyObject) ev[0]);
                }
            }
        } else if (selector != null) {
            PyObject t = forever ? PyNone.NONE : PyFloat.of(timeout);
            PyObject events = Ops.callMethod(selector, "select", t);
            try {
                processEventList(events);
            } finally {
                RefCount.decref(events);
                RefCount.decref(t);
            }
        }

        if (heapSize > 0) {
            double end = now() + clockResolution;
            while (heapSize > 0 && heap[0].when < end) {
                PyHandle.Timer t = pop();
                t.scheduled = false;
                addReady(t);
            }
        }

        int ntodo = readySize();
        for (int i = 0; i < ntodo; i++) {
            PyObject h = pollReady();
            if (h == null) break;
            try {
                if (h instanceof PyHandle ph) {
                    if (ph.cancelled) continue;
                    if (debug) {
                        RefCount.decref(Ops.callMethod(this, "_run_handle_debug", ph));
                    } else {
                        ph.run();
                    }
                } else if (!handleCancelled(h)) {
                    RefCount.decref(Ops.callMethod(this, debug ? "_run_handle_debug" : "_run", h));
                }
            } finally {
                RefCount.decref(h);
            }
        }
    }

    /** _process_events(list of (entry, mask)), for selectors that are not ours. */
    private void processEventList(PyObject events) {
        if (!(events instanceof PyList l)) return;
        PyObject[] all = l.toArray();  // new references: callbacks may change the list
        try {
            for (PyObject o : all) {
                PyTuple ev = (PyTuple) o;
                processEvent(ev.get(0), Args.asInt(ev.get(1)));
            }
        } finally {
            for (PyObject o : all) RefCount.decref(o);
        }
    }

    /**
     * entry is the registration list [reader, writer, channel] (borrowed, but kept alive by
     * the caller: removing a cancelled reader may unregister the channel and drop the entry).
     */
    private void processEvent(PyObject entry, int mask) {
        if (!(entry instanceof PyList e) || e.size() < 3) return;
        if ((mask & PySelector.EVENT_READ) != 0) {
            PyObject reader = e.get(0);
            if (reader != PyNone.NONE) {
                if (handleCancelled(reader)) {
                    RefCount.decref(Ops.callMethod(this, "_remove_reader", e.get(2)));
                } else {
                    addReady(RefCount.newRef(reader));
                }
            }
        }
        if ((mask & PySelector.EVENT_WRITE) != 0 && e.size() >= 3) {
            // (the entry list is still alive: we hold a reference)
            PyObject writer = e.get(1);
            if (writer != PyNone.NONE) {
                if (handleCancelled(writer)) {
                    RefCount.decref(Ops.callMethod(this, "_remove_writer", e.get(2)));
                } else {
                    addReady(RefCount.newRef(writer));
                }
            }
        }
    }

    // ---- GC ----------------------------------------------------------------------------------

    @Override
    public void traverse(Visitor v) {
        PyObject[] items;
        synchronized (ready) {
            items = ready.toArray(new PyObject[0]);
        }
        for (PyObject o : items) v.visit(o);
        for (int i = 0; i < heapSize; i++) v.visit(heap[i]);
        if (selector != null) v.visit(selector);
        if (threadId != null) v.visit(threadId);
        if (currentHandle != null) v.visit(currentHandle);
    }

    @Override
    public void releaseReferences() {
        clearCallbacks();
        PyObject[] drop = {selector, threadId, currentHandle};
        selector = threadId = currentHandle = null;
        jsel = null;
        for (PyObject o : drop) RefCount.xdecref(o);
    }
}
