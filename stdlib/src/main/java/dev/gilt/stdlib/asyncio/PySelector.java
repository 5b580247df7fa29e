package dev.gilt.stdlib.asyncio;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.gil.Gap;
import dev.gilt.runtime.gil.Gil;
import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * {@code _asyncio_loop.Selector}: readiness notification for the event loop over a
 * java.nio.channels.Selector.
 *
 * <p>API (the subset of {@code selectors} the loop uses): {@code register(chan, events, data)},
 * {@code modify(chan, events, data)}, {@code unregister(chan)}, {@code select(timeout)} returning
 * a list of {@code (data, events)} pairs, {@code wakeup()}, {@code close()}; events are 1 (read)
 * and 2 (write). For a listening channel "read" means a connection to accept; for a socket whose
 * connect is pending "write" means the connect finished (NIO's OP_CONNECT).
 *
 * <h2>Threads and the GIL</h2>
 * Only the thread running the loop registers and selects. {@code select} releases the GIL (and
 * detaches) while it waits, so other threads run meanwhile; {@code wakeup} may be called from any
 * thread, with or without the GIL, and makes a waiting (or the next) select return at once — that
 * is how {@code call_soon_threadsafe} reaches a sleeping loop. On the main thread a long wait is
 * cut into slices so that Ctrl-C (a pending-signal flag in the eval breaker) is seen within
 * {@value #SIGNAL_SLICE_MS} ms.
 *
 * <h2>Keys</h2>
 * Unregistering does not cancel the NIO key: it sets the interest to nothing, so the same channel
 * can be registered again within one loop iteration (a cancelled key would make NIO throw until
 * the next select). Keys are cancelled when their channel closes. Each registration owns one
 * reference to its data.
 */
public final class PySelector extends PyGcObject {
    public static final PyType TYPE = Attr.install(PyType.builtin("Selector", PySelector.class), "_asyncio_loop");

    static final int EVENT_READ = 1, EVENT_WRITE = 2;
    static final long SIGNAL_SLICE_MS = 100;

    /** One registered channel: what it waits for and the loop's data (owned). */
    private static final class Reg {
        final PyChannel chan;
        SelectionKey key;
        int events;
        PyObject data;

        Reg(PyChannel chan) {
            this.chan = chan;
        }
    }

    private final Selector selector;
    private final Map<PyChannel, Reg> regs = new IdentityHashMap<>();
    private boolean closed;

    PySelector() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw PyChannel.fromIO(e);
        }
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    static {
        PyMethodDescr.define(TYPE, "register", (Fn.F3) (self, c, ev, data) -> ((PySelector) self).register(c, ev, data, false));
        PyMethodDescr.define(TYPE, "modify", (Fn.F3) (self, c, ev, data) -> ((PySelector) self).register(c, ev, data, true));
        PyMethodDescr.define(TYPE, "unregister", (Fn.F1) (self, c) -> ((PySelector) self).unregister(c));
        PyMethodDescr.define(TYPE, "select", (Fn.F1) (self, t) -> ((PySelector) self).select(t));
        PyMethodDescr.define(TYPE, "wakeup", (Fn.F0) self -> {
            ((PySelector) self).wakeup();
            return RefCount.newRef(PyNone.NONE);
        });
        PyMethodDescr.define(TYPE, "close", (Fn.F0) self -> ((PySelector) self).close());
        PyMethodDescr.define(TYPE, "__len__", (Fn.F0) self -> PyInt.of(((PySelector) self).regs.size()));
        TYPE.len = self -> ((PySelector) self).regs.size();
    }

    private void checkOpen() {
        if (closed) throw Errors.runtimeError("Selector is closed");
    }

    private static PyChannel channel(PyObject c) {
        if (c instanceof PyChannel ch) return ch;
        throw Errors.valueError("Invalid file object: %s", Args.repr(c));
    }

    /** NIO interest set for our event mask, given the channel's kind and state. */
    private static int ops(PyChannel c, int events) {
        int ops = 0;
        if (c.channel instanceof ServerSocketChannel) {
            if ((events & EVENT_READ) != 0) ops |= SelectionKey.OP_ACCEPT;
        } else {
            SocketChannel sc = (SocketChannel) c.channel;
            if ((events & EVENT_READ) != 0) ops |= SelectionKey.OP_READ;
            if ((events & EVENT_WRITE) != 0) ops |= sc.isConnectionPending() ? SelectionKey.OP_CONNECT : SelectionKey.OP_WRITE;
        }
        return ops;
    }

    private PyObject register(PyObject c, PyObject ev, PyObject data, boolean modify) {
        checkOpen();
        PyChannel ch = channel(c);
        int events = Args.asInt(ev);
        if ((events & ~(EVENT_READ | EVENT_WRITE)) != 0 || events == 0) {
            throw Errors.valueError("Invalid events: %d", events);
        }
        Reg r = regs.get(ch);
        if (modify && r == null) throw Errors.keyError(c);
        if (!modify && r != null) throw Errors.keyError(c);
        if (r == null) r = new Reg(ch);
        try {
            int ops = ops(ch, events);
            SelectionKey k = ch.channel.keyFor(selector);
            if (k != null && k.isValid()) {
                k.interestOps(ops);
            } else {
                k = ch.channel.register(selector, ops);
            }
            k.attach(r);
            r.key = k;
            ch.registeredWith(selector);
        } catch (ClosedChannelException | CancelledKeyException e) {
            throw PyChannel.osError(9, "Bad file descriptor");
        }
        r.events = events;
        PyObject old = r.data;
        r.data = RefCount.newRef(data);
        regs.put(ch, r);
        RefCount.xdecref(old);
        return RefCount.newRef(PyNone.NONE);
    }

    private PyObject unregister(PyObject c) {
        checkOpen();
        PyChannel ch = channel(c);
        Reg r = regs.remove(ch);
        if (r == null) throw Errors.keyError(c);
        SelectionKey k = r.key;
        if (k != null && k.isValid()) {
            try {
                k.interestOps(0);
                k.attach(null);
            } catch (CancelledKeyException e) {
                // the channel was closed meanwhile: nothing to undo
            }
        }
        PyObject old = r.data;
        r.data = null;
        RefCount.xdecref(old);
        return RefCount.newRef(PyNone.NONE);
    }

    /**
     * Waits up to timeout seconds (None: until something is ready or wakeup()); returns a new
     * list of (data, events) tuples.
     */
    private PyObject select(PyObject timeoutObj) {
        boolean forever = timeoutObj == PyNone.NONE;
        List<Object[]> ready = selectReady(forever, forever ? 0 : Args.asDouble(timeoutObj));
        PyList out = new PyList(ready.size());
        for (Object[] ev : ready) {
            // selectReady's reference to the data goes into the tuple.
            out.appendSteal(PyTuple.steal((PyObject) ev[0], PyInt.of((Integer) ev[1])));
        }
        return out;
    }

    /**
     * The select used by the loop core: {data, events} pairs, each data a new reference the
     * caller must release.
     */
    List<Object[]> selectReady(boolean forever, double timeout) {
        checkOpen();
        try {
            if (!forever && timeout <= 0) {
                selector.selectNow();
            } else {
                waitReady(forever, timeout);
            }
        } catch (IOException e) {
            throw PyChannel.fromIO(e);
        }
        wakeupPending = false;
        return collect();
    }

    boolean isEmpty() {
        return regs.isEmpty();
    }

    void wakeupFromAnyThread() {
        wakeup();
    }

    /** The blocking part of select, without the GIL. */
    private void waitReady(boolean forever, double timeout) throws IOException {
        // Milliseconds, rounded up as CPython's epoll selector does.
        long ms = forever ? 0 : Math.max(1, (long) Math.ceil(timeout * 1000.0));
        long deadline = forever ? Long.MAX_VALUE : System.nanoTime() + ms * 1_000_000L;
        boolean main = EvalBreaker.isMainThread(Thread.currentThread());
        try (Gap gap = Gil.get().releaseWhileBlocking(ThreadState.current())) {
            if (!main) {
                if (forever) selector.select();
                else selector.select(ms);
                return;
            }
            while (true) {
                long left = forever ? SIGNAL_SLICE_MS : (deadline - System.nanoTime() + 999_999) / 1_000_000;
                if (left <= 0) return;
                int n = selector.select(Math.min(left, SIGNAL_SLICE_MS));
                if (n > 0 || wakeupPending || EvalBreaker.isSet(EvalBreaker.SIGNAL_PENDING)) return;
            }
        }
    }

    /** Set by wakeup() before it wakes NIO, so a sliced wait can tell a wakeup from a slice end. */
    private volatile boolean wakeupPending;

    private void wakeup() {
        wakeupPending = true;
        selector.wakeup();
    }

    private List<Object[]> collect() {
        Set<SelectionKey> keys = selector.selectedKeys();
        if (keys.isEmpty()) return List.of();
        List<Object[]> out = new ArrayList<>(keys.size());
        Iterator<SelectionKey> it = keys.iterator();
        while (it.hasNext()) {
            SelectionKey k = it.next();
            it.remove();
            Object att = k.attachment();
            if (!(att instanceof Reg r) || r.data == null) continue;
            int ready;
            try {
                ready = k.readyOps();
            } catch (CancelledKeyException e) {
                continue;
            }
            int events = 0;
            if ((ready & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0) events |= EVENT_READ;
            if ((ready & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0) events |= EVENT_WRITE;
            events &= r.events;
            if (events == 0) continue;
            out.add(new Object[] {RefCount.newRef(r.data), events});
        }
        return out;
    }

    private PyObject close() {
        if (!closed) {
            closed = true;
            releaseReferences();
            try {
                selector.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        return RefCount.newRef(PyNone.NONE);
    }

    @Override
    public void traverse(Visitor v) {
        for (Reg r : regs.values()) if (r.data != null) v.visit(r.data);
    }

    @Override
    public void releaseReferences() {
        if (regs.isEmpty()) return;
        Reg[] all = regs.values().toArray(new Reg[0]);
        regs.clear();
        for (Reg r : all) {
            PyObject d = r.data;
            r.data = null;
            RefCount.xdecref(d);
        }
    }

    static PyObject newSelector() {
        return new PySelector();
    }

    static double seconds(PyObject o) {
        return o instanceof PyFloat f ? f.value : Args.asDouble(o);
    }
}
