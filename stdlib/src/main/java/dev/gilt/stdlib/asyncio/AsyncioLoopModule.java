package dev.gilt.stdlib.asyncio;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.stdlib.util.Args;

/**
 * {@code _asyncio_loop}: what the asyncio package (lib/asyncio, written in Gilt) needs from Java.
 *
 * <ul>
 *   <li>{@code monotonic()}: the loop clock (System.nanoTime, in seconds);
 *   <li>{@code heappush/heappop/heapify}: heapq's algorithm, fast on the loop's (when, handle)
 *       timer entries ({@link Heap});
 *   <li>{@code get_running_loop()/set_running_loop(loop)}: the running loop of the calling
 *       thread (a Java ThreadLocal, so each thread sees its own);
 *   <li>{@code get_ident()}, {@code is_main_thread()};
 *   <li>{@code Selector()} ({@link PySelector}), {@code tcp_listen(host, port, backlog, reuse)},
 *       {@code tcp_connect(host, port)} ({@link PyChannel}): non-blocking TCP over Java NIO;
 *   <li>{@code heap_used()}: bytes of Java heap in use after a GC (for memory benchmarks).
 * </ul>
 *
 * <p>Threads: every function may be called from any thread; the running-loop slot is per
 * thread. The slot owns one reference to its loop.
 */
public final class AsyncioLoopModule implements ModuleProvider {
    @Override
    public String name() {
        return "_asyncio_loop";
    }

    /** The running loop of each thread (an owned reference, or null). */
    private static final ThreadLocal<PyObject> RUNNING = new ThreadLocal<>();

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("_asyncio_loop");
        m.set("__doc__", PyStr.of("Event loop support for asyncio (clock, timer heap, NIO selector and sockets)."));
        m.def("monotonic", (Fn.F0) self -> PyFloat.of(System.nanoTime() / 1e9));
        m.def("heappush", (Fn.F2) (self, heap, item) -> {
            Heap.push(heap, item);
            return RefCount.newRef(PyNone.NONE);
        });
        m.def("heappop", (Fn.F1) (self, heap) -> Heap.pop(heap));
        m.def("heapify", (Fn.F1) (self, heap) -> {
            Heap.heapify(heap);
            return RefCount.newRef(PyNone.NONE);
        });
        m.def("get_running_loop", (Fn.F0) self -> {
            PyObject loop = RUNNING.get();
            return RefCount.newRef(loop == null ? PyNone.NONE : loop);
        });
        m.def("set_running_loop", (Fn.F1) (self, loop) -> {
            PyObject old = RUNNING.get();
            if (loop == PyNone.NONE) {
                RUNNING.remove();
            } else {
                RUNNING.set(RefCount.newRef(loop));
            }
            RefCount.xdecref(old);
            return RefCount.newRef(PyNone.NONE);
        });
        m.def("get_ident", (Fn.F0) self -> PyInt.of(Thread.currentThread().threadId()));
        m.def("is_main_thread", (Fn.F0) self -> PyBool.of(EvalBreaker.isMainThread(Thread.currentThread())));
        m.def("Selector", (Fn.F0) self -> PySelector.newSelector());
        m.set("SelectorType", PySelector.TYPE);
        m.set("ChannelType", PyChannel.TYPE);
        m.def("tcp_listen", (Fn.FV) (self, args, kw) -> {
            Args.noKw("tcp_listen", kw);
            Args.count("tcp_listen", args, 2, 4);
            String host = Args.isNone(args[0]) ? null : Args.asStr(args[0], "host");
            int port = Args.asInt(args[1]);
            int backlog = args.length > 2 ? Args.asInt(args[2]) : 100;
            boolean reuse = args.length <= 3 || Args.truth(args[3]);
            return PyChannel.listen(host, port, backlog, reuse);
        });
        m.def("tcp_connect", (Fn.F2) (self, host, port) ->
                PyChannel.connect(Args.isNone(host) ? null : Args.asStr(host, "host"), Args.asInt(port)));
        m.def("heap_used", (Fn.F0) self -> {
            Runtime rt = Runtime.getRuntime();
            for (int i = 0; i < 3; i++) System.gc();
            return PyInt.of(rt.totalMemory() - rt.freeMemory());
        });
        m.set("EVENT_READ", PyInt.of(PySelector.EVENT_READ));
        m.set("EVENT_WRITE", PyInt.of(PySelector.EVENT_WRITE));
        return m;
    }

    /** For tests: the calling thread's running loop (borrowed) or null. */
    static PyObject runningLoop() {
        return RUNNING.get();
    }
}
