package dev.gilt.stdlib._multiprocessing;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.stdlib._pickle.PickleModule;
import dev.gilt.stdlib._pickle.Unpickler;
import dev.gilt.stdlib.util.Args;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code _multiprocessing}: the machinery under the {@code multiprocessing} package
 * (lib/multiprocessing) and {@code concurrent.futures.ProcessPoolExecutor}: starting child
 * interpreters ({@link ChildLauncher}, {@link ChildMain}), the broker's objects
 * ({@link Broker}: queues, semaphores, events, conditions, barriers, connection mailboxes) as
 * integer handles, shared memory ({@link SharedBuffer}), the fork emulation
 * ({@link ForkSupport}) and the pool worker loop ({@link PoolWorker}).
 *
 * <p>Values cross processes as pickles made here, so a queue put or a pipe send costs one
 * pickling and one broker round trip. Timeouts are seconds (None: no limit), as in Python.
 */
public final class MultiprocessingModule implements ModuleProvider {
    @Override
    public String name() {
        return "_multiprocessing";
    }

    private static volatile PyModule module;
    /** Returned by non-blocking gets that found nothing (the Python layer raises Empty etc.). */
    static final PyObject NOTHING = RefCount.immortalize(PyTuple.of(PyStr.intern("<nothing>")));
    private static final ThreadLocal<String> SPAWNING = new ThreadLocal<>();
    private static final AtomicInteger TOKENS = new AtomicInteger();

    /** A function of this module (borrowed), for reconstructors pickled by reference. */
    static PyObject function(String name) {
        PyModule m = module;
        if (m == null) {
            RefCount.decref(dev.gilt.interp.imp.Importer.gcdImport("_multiprocessing"));
            m = module;
        }
        PyObject f = m.get(name);
        if (f == null) throw Errors.systemError("_multiprocessing." + name + " is missing");
        return f;
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Seconds (None = forever) to broker milliseconds (-1 = forever). */
    static long millis(PyObject t) {
        if (t == null || t == PyNone.NONE) return -1;
        double s = Args.asDouble(t);
        if (s <= 0) return 0;
        double ms = Math.ceil(s * 1000);
        return ms > Long.MAX_VALUE / 2 ? -1 : (long) ms;
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    static long tid() {
        return Thread.currentThread().threadId();
    }

    static Msg call(int op, byte[] data, long... args) {
        return Channel.get().call(op, data, args);
    }

    /** Raises the Python exception a failed reply stands for. */
    static PyException error(Msg r) {
        String t = r.text();
        return switch (r.op) {
            case Broker.ERR_VALUE -> Errors.valueError("%s", t);
            case Broker.ERR_ASSERT -> Errors.of(PyExc.AssertionError, t);
            case Broker.ERR_EOF -> Errors.of(PyExc.EOFError);
            case Broker.ERR_CLOSED -> t.startsWith("[Errno 32]") ? Errors.of(PyExc.BrokenPipeError, t) : Errors.of(PyExc.OSError, t);
            default -> Errors.of(PyExc.OSError, t);
        };
    }

    static Msg ok(Msg r) {
        if (r.op != Broker.OK && r.op != Broker.TIMEOUT && r.op != Broker.BROKEN) throw error(r);
        return r;
    }

    static byte[] dumps(PyObject obj) {
        return PickleModule.dumps(obj, 5);
    }

    static PyObject loads(byte[] b) {
        return Unpickler.loads(b);
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("_multiprocessing");
        module = m;
        m.set("NOTHING", NOTHING);
        m.set("SharedBuffer", SharedBuffer.TYPE);
        m.set("ChildProcess", ChildProcess.TYPE);
        m.setSteal("flags", new PyDict());

        m.def("getpid", (Fn.F0) mod -> PyInt.of(pid()));
        m.def("cpu_count", (Fn.F0) mod -> PyInt.of(Runtime.getRuntime().availableProcessors()));
        m.def("is_child", (Fn.F0) mod -> PyBool.of(Channel.isChild()));
        m.def("child_info", (Fn.F0) mod -> ChildMain.info == null ? PyNone.NONE : RefCount.newRef(ChildMain.info));
        m.def("is_bootstrapping", (Fn.F0) mod -> PyBool.of(ChildMain.bootstrapping));
        m.def("spawning_token", (Fn.F0) mod -> {
            String t = SPAWNING.get();
            return t == null ? PyNone.NONE : PyStr.of(t);
        });

        // ---- objects ----
        m.def("new_queue", (Fn.F1) (mod, maxsize) -> newObj(Broker.K_QUEUE, Args.asLong(maxsize)));
        m.def("new_sem", (Fn.F3) (mod, kind, value, max) -> newObj(Broker.K_SEM, Args.asLong(kind), Args.asLong(value), Args.asLong(max)));
        m.def("new_event", (Fn.F0) mod -> newObj(Broker.K_EVENT));
        m.def("new_cond", (Fn.F1) (mod, lock) -> newObj(Broker.K_COND, Args.asLong(lock)));
        m.def("new_barrier", (Fn.F2) (mod, parties, action) -> newObj(Broker.K_BARRIER, Args.asLong(parties), Args.truth(action) ? 1 : 0));
        m.def("new_pipe", (Fn.F1) (mod, duplex) -> {
            Msg r = ok(call(Broker.NEW, null, Broker.K_PIPE, Args.truth(duplex) ? 1 : 0));
            return PyTuple.steal(PyInt.of(r.arg(0)), PyInt.of(r.arg(1)));
        });
        m.def("free", (Fn.F1) (mod, id) -> {
            call(Broker.FREE, null, Args.asLong(id));
            return PyNone.NONE;
        });

        // ---- queues ----
        m.def("qput", (Fn.FV) (mod, args, kw) -> {
            Args.count("qput", args, 4, 4);
            byte[] d = dumps(args[1]);
            Msg r = ok(call(Broker.Q_PUT, d, Args.asLong(args[0]), Args.truth(args[2]) ? 1 : 0, millis(args[3])));
            return PyBool.of(r.op == Broker.OK);
        });
        m.def("qget", (Fn.F3) (mod, id, block, timeout) -> {
            Msg r = ok(call(Broker.Q_GET, null, Args.asLong(id), Args.truth(block) ? 1 : 0, millis(timeout)));
            return r.op == Broker.OK ? loads(r.data) : NOTHING;
        });
        m.def("qsize", (Fn.F1) (mod, id) -> PyInt.of(ok(call(Broker.Q_SIZE, null, Args.asLong(id))).arg(0)));
        m.def("task_done", (Fn.F1) (mod, id) -> {
            ok(call(Broker.Q_TASK_DONE, null, Args.asLong(id)));
            return PyNone.NONE;
        });
        m.def("qjoin", (Fn.F2) (mod, id, timeout) ->
                PyBool.of(ok(call(Broker.Q_JOIN, null, Args.asLong(id), millis(timeout))).op == Broker.OK));

        // ---- semaphores, events, conditions, barriers ----
        m.def("sem_acquire", (Fn.F3) (mod, id, block, timeout) -> PyBool.of(ok(call(Broker.SEM_ACQUIRE, null,
                Args.asLong(id), pid(), tid(), Args.truth(block) ? 1 : 0, millis(timeout))).op == Broker.OK));
        m.def("sem_release", (Fn.F1) (mod, id) -> {
            ok(call(Broker.SEM_RELEASE, null, Args.asLong(id), pid(), tid()));
            return PyNone.NONE;
        });
        m.def("sem_info", (Fn.F1) (mod, id) -> {
            Msg r = ok(call(Broker.SEM_INFO, null, Args.asLong(id), pid(), tid()));
            return PyTuple.steal(PyInt.of(r.arg(0)), PyBool.of(r.arg(1) != 0), PyInt.of(r.arg(2)), PyInt.of(r.arg(3)),
                    PyInt.of(r.arg(4)), PyInt.of(r.arg(5)));
        });
        m.def("ev_set", (Fn.F1) (mod, id) -> simple(Broker.EV_SET, id));
        m.def("ev_clear", (Fn.F1) (mod, id) -> simple(Broker.EV_CLEAR, id));
        m.def("ev_is_set", (Fn.F1) (mod, id) -> PyBool.of(ok(call(Broker.EV_IS_SET, null, Args.asLong(id))).arg(0) != 0));
        m.def("ev_wait", (Fn.F2) (mod, id, timeout) ->
                PyBool.of(ok(call(Broker.EV_WAIT, null, Args.asLong(id), millis(timeout))).arg(0) != 0));
        m.def("cond_wait", (Fn.F2) (mod, id, timeout) ->
                PyBool.of(ok(call(Broker.COND_WAIT, null, Args.asLong(id), pid(), tid(), millis(timeout))).arg(0) != 0));
        m.def("cond_notify", (Fn.F2) (mod, id, n) -> {
            ok(call(Broker.COND_NOTIFY, null, Args.asLong(id), pid(), tid(), Args.asLong(n)));
            return PyNone.NONE;
        });
        m.def("bar_wait", (Fn.F2) (mod, id, timeout) -> {
            Msg r = ok(call(Broker.BAR_WAIT, null, Args.asLong(id), millis(timeout)));
            if (r.op != Broker.OK) return PyNone.NONE;
            return PyTuple.steal(PyInt.of(r.arg(0)), PyBool.of(r.arg(1) != 0));
        });
        m.def("bar_action_done", (Fn.F2) (mod, id, good) -> {
            ok(call(Broker.BAR_ACTION_DONE, null, Args.asLong(id), Args.truth(good) ? 1 : 0));
            return PyNone.NONE;
        });
        m.def("bar_abort", (Fn.F1) (mod, id) -> simple(Broker.BAR_ABORT, id));
        m.def("bar_reset", (Fn.F1) (mod, id) -> simple(Broker.BAR_RESET, id));
        m.def("bar_info", (Fn.F1) (mod, id) -> {
            Msg r = ok(call(Broker.BAR_INFO, null, Args.asLong(id)));
            return PyTuple.steal(PyInt.of(r.arg(0)), PyInt.of(r.arg(1)), PyBool.of(r.arg(2) != 0));
        });

        // ---- connections ----
        m.def("conn_send", (Fn.F2) (mod, end, obj) -> {
            ok(call(Broker.CONN_SEND, dumps(obj), Args.asLong(end)));
            return PyNone.NONE;
        });
        m.def("conn_send_bytes", (Fn.F2) (mod, end, data) -> {
            ok(call(Broker.CONN_SEND, Args.asBytes(data, "data"), Args.asLong(end)));
            return PyNone.NONE;
        });
        m.def("conn_recv", (Fn.F3) (mod, end, block, timeout) -> {
            Msg r = ok(call(Broker.CONN_RECV, null, Args.asLong(end), Args.truth(block) ? 1 : 0, millis(timeout)));
            return r.op == Broker.OK ? loads(r.data) : NOTHING;
        });
        m.def("conn_recv_bytes", (Fn.F3) (mod, end, block, timeout) -> {
            Msg r = ok(call(Broker.CONN_RECV, null, Args.asLong(end), Args.truth(block) ? 1 : 0, millis(timeout)));
            return r.op == Broker.OK ? PyBytes.of(r.data) : NOTHING;
        });
        m.def("conn_poll", (Fn.F2) (mod, end, timeout) ->
                PyBool.of(ok(call(Broker.CONN_POLL, null, Args.asLong(end), millis(timeout))).arg(0) != 0));
        m.def("conn_close", (Fn.F1) (mod, end) -> simple(Broker.CONN_CLOSE, end));
        m.def("conn_transfer", (Fn.F1) (mod, end) -> {
            String token = SPAWNING.get();
            byte[] t = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
            return PyInt.of(ok(call(Broker.CONN_TRANSFER, t, Args.asLong(end))).arg(0));
        });
        m.def("conn_adopt", (Fn.F1) (mod, tid) -> PyInt.of(ok(call(Broker.CONN_ADOPT, null, Args.asLong(tid))).arg(0)));

        // ---- processes ----
        m.def("start_child", (Fn.F3) (mod, mode, prep, part) -> startChild(Args.asStr(mode, "mode"), prep, part));
        m.def("_child_main", (Fn.F0) mod -> ChildMain.run());
        m.def("pool_worker", (Fn.FV) (mod, args, kw) -> PoolWorker.run(args));
        m.def("shm_create", (Fn.F1) (mod, size) -> SharedBuffer.create(Args.asInt(size)));
        m.def("_shm_open", (Fn.F2) (mod, path, size) -> SharedBuffer.open(Args.asStr(path, "path"), Args.asInt(size), false));
        ForkSupport.define(m);
        return m;
    }

    private static PyObject simple(int op, PyObject id) {
        ok(call(op, null, Args.asLong(id)));
        return PyNone.NONE;
    }

    private static PyObject newObj(int kind, long... params) {
        long[] a = new long[params.length + 1];
        a[0] = kind;
        System.arraycopy(params, 0, a, 1, params.length);
        return PyInt.of(ok(call(Broker.NEW, null, a)).arg(0));
    }

    /**
     * Starts a child: pickles the preparation data and the process part (fork: with the
     * __main__ snapshot), registers them with the broker under a fresh token and launches the
     * JVM. While pickling, {@link #SPAWNING} holds the token: objects that may only be shared
     * "through inheritance" (locks, queues) check it, and connection ends count it as their new
     * holder.
     */
    static PyObject startChild(String mode, PyObject prep, PyObject part) {
        String token = pid() + "-" + TOKENS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffffL);
        int m = mode.equals("spawn") || mode.equals("forkserver") ? ChildMain.MODE_SPAWN : ChildMain.MODE_FORK;
        byte[] payload;
        String prev = SPAWNING.get();
        SPAWNING.set(token);
        try {
            byte[] prepBytes = PickleModule.dumps(prep, 5);
            byte[] body = m == ChildMain.MODE_FORK ? ForkSupport.snapshot(part) : dumps(part);
            ByteArrayOutputStream bo = new ByteArrayOutputStream(prepBytes.length + body.length + 16);
            DataOutputStream o = new DataOutputStream(bo);
            o.writeInt(m);
            o.writeInt(prepBytes.length);
            o.write(prepBytes);
            o.write(body);
            o.flush();
            payload = bo.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            SPAWNING.set(prev);
        }
        byte[] t = token.getBytes(StandardCharsets.UTF_8);
        byte[] reg = new byte[t.length + payload.length];
        System.arraycopy(t, 0, reg, 0, t.length);
        System.arraycopy(payload, 0, reg, t.length, payload.length);
        ok(call(Broker.PROC_REGISTER, reg, t.length));
        ChildMain.flushStreams();
        try {
            return new ChildProcess(ChildLauncher.start(token, ChildLauncher.brokerSocket()), token);
        } catch (IOException e) {
            call(Broker.PROC_FORGET, t);
            throw Errors.of(PyExc.OSError, "cannot start a child process: " + e.getMessage());
        }
    }
}
