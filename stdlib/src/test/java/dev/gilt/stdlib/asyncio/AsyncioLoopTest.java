package dev.gilt.stdlib.asyncio;

import static dev.gilt.stdlib.Py.b;
import static dev.gilt.stdlib.Py.call;
import static dev.gilt.stdlib.Py.i;
import static dev.gilt.stdlib.Py.method;
import static dev.gilt.stdlib.Py.raises;
import static dev.gilt.stdlib.Py.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.gil.Gil;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.ThreadState;
import dev.gilt.stdlib.Py;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AsyncioLoopTest {
    static final String M = "_asyncio_loop";

    static PyTuple entry(double when, String tag) {
        return PyTuple.of(PyFloat.of(when), PyStr.of(tag));
    }

    static String tag(PyObject entry) {
        return s(((PyTuple) entry).get(1));
    }

    @Test
    @DisplayName("the heap pops in sorted order, floats or anything comparable")
    void heapOrder() {
        Random rnd = new Random(42);
        PyList h = new PyList();
        List<Long> expected = new ArrayList<>();
        for (int k = 0; k < 500; k++) {
            long v = rnd.nextInt(1000);
            expected.add(v);
            call(M, "heappush", h, v);
        }
        expected.sort(null);
        for (long v : expected) assertEquals(v, i(call(M, "heappop", h)));
        raises(PyExc.IndexError, "index out of range", () -> call(M, "heappop", h));

        PyList timers = new PyList();
        double[] whens = {0.5, 0.1, 0.3, 0.2, 0.4};
        for (int k = 0; k < whens.length; k++) call(M, "heappush", timers, entry(whens[k], "t" + k));
        StringBuilder order = new StringBuilder();
        while (timers.size() > 0) order.append(tag(call(M, "heappop", timers)));
        assertEquals("t1t3t2t4t0", order.toString());
    }

    @Test
    @DisplayName("ties come out in heapq's order (same sift algorithm as CPython)")
    void heapTies() {
        // Timer entries whose times tie are compared in full, as heapq compares tuples.
        PyList h = new PyList();
        double[] whens = {1, 1, 1, 0, 1, 1, 0, 1};
        for (int k = 0; k < whens.length; k++) {
            call(M, "heappush", h, PyTuple.of(PyFloat.of(whens[k]), PyFloat.of(100 + k)));
        }
        // The fast path decides only when times differ; equal times fall back to the full
        // tuple comparison (tags 100+k), so ties come out in insertion order here.
        StringBuilder sb = new StringBuilder();
        while (h.size() > 0) {
            PyTuple t = (PyTuple) call(M, "heappop", h);
            sb.append((int) ((PyFloat) t.get(1)).value - 100);
        }
        assertEquals("36012457", sb.toString());
    }

    @Test
    @DisplayName("heapify builds a heap in place; pushing and popping keeps every refcount balanced")
    void heapRefcounts() {
        PyList h = new PyList();
        List<PyObject> items = new ArrayList<>();
        for (int k = 0; k < 50; k++) items.add(entry((k * 7919) % 50, "x" + k));
        long[] before = new long[items.size()];
        for (int k = 0; k < items.size(); k++) before[k] = RefCount.count(items.get(k));
        for (PyObject it : items) h.append(it);
        call(M, "heapify", h);
        double last = -1;
        List<PyObject> popped = new ArrayList<>();
        while (h.size() > 0) {
            PyObject e = call(M, "heappop", h);
            double w = ((PyFloat) ((PyTuple) e).get(0)).value;
            assertTrue(w >= last);
            last = w;
            popped.add(e);
        }
        for (PyObject e : popped) RefCount.decref(e);
        for (int k = 0; k < items.size(); k++) assertEquals(before[k], RefCount.count(items.get(k)), "item " + k);
        for (PyObject it : items) call(M, "heappush", h, it);
        for (int k = 0; k < items.size(); k++) assertEquals(before[k] + 1, RefCount.count(items.get(k)));
    }

    @Test
    @DisplayName("the running loop is per thread")
    void runningLoopPerThread() throws Exception {
        PyObject loop = Py.list("a loop");
        assertSame(PyNone.NONE, call(M, "get_running_loop"));
        call(M, "set_running_loop", loop);
        assertSame(loop, call(M, "get_running_loop"));
        AtomicReference<PyObject> seen = new AtomicReference<>();
        Thread t = new Thread(() -> seen.set(call(M, "get_running_loop")));
        t.start();
        t.join();
        assertSame(PyNone.NONE, seen.get());
        call(M, "set_running_loop", PyNone.NONE);
        assertSame(PyNone.NONE, call(M, "get_running_loop"));
    }

    @Test
    @DisplayName("monotonic never goes back")
    void clock() {
        double a = ((PyFloat) call(M, "monotonic")).value;
        double b = ((PyFloat) call(M, "monotonic")).value;
        assertTrue(b >= a);
    }

    /** Selects until at least one event arrives (or 5 s). */
    static PyList selectSome(PyObject sel) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            PyList l = (PyList) method(sel, "select", 0.05);
            if (l.size() > 0) return l;
        }
        throw new AssertionError("no event within 5 s");
    }

    @Test
    @DisplayName("loopback TCP: listen, connect, accept, send, recv, EOF, addresses")
    void tcpRoundTrip() {
        PyObject server = call(M, "tcp_listen", "127.0.0.1", 0, 10, true);
        PyTuple addr = (PyTuple) method(server, "getsockname");
        assertEquals("127.0.0.1", s(addr.get(0)));
        long port = i(addr.get(1));
        assertTrue(port > 0);

        PyObject sel = call(M, "Selector");
        PyObject serverData = Py.obj("server");
        method(sel, "register", server, 1, serverData);

        PyTuple conn = (PyTuple) call(M, "tcp_connect", "127.0.0.1", port);
        PyObject client = conn.get(0);
        if (conn.get(1) == PyBool.FALSE) {
            PyObject clientData = Py.obj("client");
            method(sel, "register", client, 2, clientData);
            boolean connected = false;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!connected && System.nanoTime() < end) {
                for (PyObject ev : ((PyList) method(sel, "select", 0.05)).toArray()) {
                    PyTuple t = (PyTuple) ev;
                    if (t.get(0) == clientData) connected = method(client, "finish_connect") == PyBool.TRUE;
                }
            }
            assertTrue(connected);
            method(sel, "unregister", client);
        }

        PyList ready = selectSome(sel);
        assertSame(serverData, ((PyTuple) ready.get(0)).get(0));
        assertEquals(1, i(((PyTuple) ready.get(0)).get(1)));
        PyTuple accepted = (PyTuple) method(server, "accept");
        PyObject peer = accepted.get(0);
        assertEquals("127.0.0.1", s(((PyTuple) accepted.get(1)).get(0)));
        assertEquals(port, i(((PyTuple) method(peer, "getsockname")).get(1)));
        assertEquals(port, i(((PyTuple) method(client, "getpeername")).get(1)));
        assertSame(PyNone.NONE, method(server, "accept"));

        assertSame(PyNone.NONE, method(peer, "recv", 100), "nothing to read yet");
        assertEquals(5, i(method(client, "send", "hello".getBytes())));
        PyObject peerData = Py.obj("peer");
        method(sel, "register", peer, 1, peerData);
        selectSome(sel);
        assertEquals("hello", b(method(peer, "recv", 100)));

        method(client, "shutdown_write");
        selectSome(sel);
        assertEquals("", b(method(peer, "recv", 100)), "EOF reads as b''");

        method(sel, "unregister", peer);
        // Re-registering the same channel in the same iteration works (the key is kept).
        method(sel, "register", peer, 1, peerData);
        method(sel, "modify", peer, 3, peerData);
        method(sel, "unregister", peer);
        raises(PyExc.KeyError, null, () -> method(sel, "unregister", peer));

        method(peer, "close");
        method(client, "close");
        method(server, "close");
        assertSame(PyBool.TRUE, method(server, "closed"));
        method(sel, "close");
    }

    @Test
    @DisplayName("a closed listener refuses at once, with CPython's errno and message")
    void refused() {
        PyObject server = call(M, "tcp_listen", "127.0.0.1", 0, 10, true);
        long port = i(((PyTuple) method(server, "getsockname")).get(1));
        PyObject sel = call(M, "Selector");
        method(sel, "register", server, 1, Py.obj("s"));
        method(server, "close");   // flushes the selector, so the port is really closed now
        PyException e;
        try {
            PyTuple conn = (PyTuple) call(M, "tcp_connect", "127.0.0.1", port);
            assertSame(PyBool.FALSE, conn.get(1), "connected to a closed port");
            PyObject client = conn.get(0);
            method(sel, "register", client, 2, Py.obj("c"));
            selectSome(sel);
            e = assertThrows(PyException.class, () -> method(client, "finish_connect"));
        } catch (PyException refusedAtOnce) {
            e = refusedAtOnce;
        }
        assertEquals("ConnectionRefusedError", e.exc.type().name());
        assertEquals("[Errno 111] Connect call failed ('127.0.0.1', " + port + ")", Ops.strString(e.exc));
        method(sel, "close");
    }

    @Test
    @DisplayName("binding a port in use says so as CPython's create_server does")
    void addressInUse() {
        PyObject server = call(M, "tcp_listen", "127.0.0.1", 0, 10, false);
        long port = i(((PyTuple) method(server, "getsockname")).get(1));
        PyException e = assertThrows(PyException.class,
                () -> call(M, "tcp_listen", "127.0.0.1", port, 10, false));
        assertEquals("OSError", e.exc.type().name());
        assertTrue(Ops.strString(e.exc).contains(
                "error while attempting to bind on address ('127.0.0.1', " + port + "): address already in use"),
                Ops.strString(e.exc));
        method(server, "close");
    }

    @Test
    @DisplayName("wakeup() from another thread ends a long select early")
    void wakeupFromThread() throws Exception {
        PyObject sel = call(M, "Selector");
        Thread waker = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            method(sel, "wakeup");
        });
        long t0 = System.nanoTime();
        waker.start();
        PyList got = (PyList) method(sel, "select", 10.0);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        waker.join();
        assertEquals(0, got.size());
        assertTrue(ms < 5000, "select returned after " + ms + " ms");
        // With nothing registered and no timeout, a wakeup is still the way out.
        Thread waker2 = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            method(sel, "wakeup");
        });
        waker2.start();
        method(sel, "select", PyNone.NONE);
        waker2.join();
        method(sel, "close");
    }

    @Test
    @DisplayName("select releases the GIL while it waits")
    void selectReleasesGil() throws Exception {
        PyObject sel = call(M, "Selector");
        CountDownLatch selecting = new CountDownLatch(1);
        AtomicLong acquiredAfterMs = new AtomicLong(-1);
        Thread loop = new Thread(() -> {
            ThreadState ts = ThreadState.current();
            boolean took = Gil.attach(ts);
            try {
                selecting.countDown();
                method(sel, "select", 2.0);
            } finally {
                Gil.detach(ts, took);
            }
        });
        loop.start();
        selecting.await();
        Thread.sleep(100);   // the loop thread is inside select by now
        Thread other = new Thread(() -> {
            ThreadState ts = ThreadState.current();
            long t0 = System.nanoTime();
            boolean took = Gil.attach(ts);
            acquiredAfterMs.set((System.nanoTime() - t0) / 1_000_000);
            Gil.detach(ts, took);
            method(sel, "wakeup");
        });
        other.start();
        other.join(10_000);
        loop.join(10_000);
        assertFalse(loop.isAlive());
        assertTrue(acquiredAfterMs.get() >= 0 && acquiredAfterMs.get() < 1500,
                "another thread took the GIL after " + acquiredAfterMs.get() + " ms");
        method(sel, "close");
    }

    @Test
    @DisplayName("Selector and Channel are the module's types; bad arguments are refused")
    void types() {
        PyObject sel = call(M, "Selector");
        assertInstanceOf(PySelector.class, sel);
        raises(PyExc.ValueError, null, () -> method(sel, "register", Py.obj(3), 1, PyNone.NONE));
        PyObject server = call(M, "tcp_listen", "127.0.0.1", 0, 10, true);
        raises(PyExc.ValueError, "Invalid events: 4", () -> method(sel, "register", server, 4, PyNone.NONE));
        raises(PyExc.KeyError, null, () -> method(sel, "modify", server, 1, PyNone.NONE));
        method(server, "close");
        method(sel, "close");
        raises(PyExc.RuntimeError, "Selector is closed", () -> method(sel, "select", 0));
    }
}
