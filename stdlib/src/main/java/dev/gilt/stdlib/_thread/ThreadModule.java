package dev.gilt.stdlib._thread;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.gil.Gil;
import dev.gilt.runtime.io.StdStreams;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.FreeThreading;
import dev.gilt.runtime.thread.Interrupts;
import dev.gilt.runtime.thread.ThreadState;
import dev.gilt.runtime.types.Unraisable;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.StructSeq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code _thread}: native threads for Gilt code. Each Python thread is a Java platform thread with
 * a large stack (deep Python recursion nests Java calls) running with its own
 * {@link ThreadState}; it attaches and takes the GIL before running Python and gives both up at
 * its end ({@code Gil.attach/detach}). {@code threading} is written in Python on top of this.
 *
 * <h2>Thread life cycle (invariants)</h2>
 * <ol>
 *   <li>{@code start_new_thread} takes new references to the callable and its arguments, counts
 *       the thread ({@link #RUNNING}, {@link FreeThreading#threadStarting()}) and starts it.
 *   <li>The thread attaches, runs the callable, reports an uncaught exception (not SystemExit) as
 *       CPython's {@code Exception ignored in thread started by: ...}, then — still attached —
 *       releases its references, its {@code threading.local} dicts and its sentinel locks.
 *   <li>Only then it detaches and exits its thread state; nothing touches Python objects after.
 * </ol>
 * Java threads are daemons: the process ends when the launcher says so, after
 * {@code threading._shutdown} (registered through {@code _register_shutdown}) joined the
 * non-daemon Python threads.
 */
public final class ThreadModule implements ModuleProvider {
    @Override
    public String name() {
        return "_thread";
    }

    /** Default stack of a new thread: reserve, not commit (DESIGN.md "Frames"). */
    static final long DEFAULT_STACK = 256L << 20;
    private static volatile long stackSize;
    /** Threads started by start_new_thread and still running (_thread._count()). */
    static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicInteger SERIAL = new AtomicInteger();
    /** Locks from _set_sentinel() held for the current thread, released when it ends. */
    private static final ThreadLocal<java.util.List<PyLock>> SENTINELS = ThreadLocal.withInitial(java.util.ArrayList::new);

    static final StructSeq.Type EXCEPT_HOOK_ARGS = StructSeq.newType("_thread", "_ExceptHookArgs",
            new String[] {"exc_type", "exc_value", "exc_traceback", "thread"});

    private static final ArgParser START = ArgParser.of("start_new_thread", 2, 3, "function", "args", "kwargs");

    /** get_ident(): the Java thread id, unique for the life of the process. */
    static long identOf(Thread t) {
        return t.threadId();
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("_thread");
        m.set("LockType", PyLock.TYPE);
        m.set("RLock", PyRLock.TYPE);
        m.set("_local", PyLocal.TYPE);
        m.set("error", PyExc.RuntimeError);
        m.set("_ExceptHookArgs", EXCEPT_HOOK_ARGS);
        m.setSteal("TIMEOUT_MAX", PyFloat.of(PyLock.TIMEOUT_MAX));

        Fn.FV start = (mod, args, kw) -> {
            PyObject[] a = START.parse(args, kw);
            return startNewThread(a[0], a[1], a[2]);
        };
        m.def("start_new_thread", start);
        m.def("start_new", start);
        Fn.F0 alloc = mod -> new PyLock();
        m.def("allocate_lock", alloc);
        m.def("allocate", alloc);
        m.def("get_ident", (Fn.F0) mod -> PyInt.of(identOf(Thread.currentThread())));
        m.def("get_native_id", (Fn.F0) mod -> PyInt.of(nativeId()));
        m.def("_count", (Fn.F0) mod -> PyInt.of(RUNNING.get()));
        m.def("daemon_threads_allowed", (Fn.F0) mod -> PyBool.TRUE);
        m.def("stack_size", (Fn.FV) (mod, args, kw) -> {
            Args.noKw("stack_size", kw);
            Args.count("stack_size", args, 0, 1);
            long old = stackSize;
            if (args.length == 1) {
                long n = Args.asLong(args[0]);
                if (n != 0 && n < 32768) throw Errors.valueError("size not valid: %d bytes", n);
                if (n < 0) throw Errors.valueError("size must be 0 or a positive value");
                stackSize = n;
            }
            return PyInt.of(old);
        });
        Fn.F0 exit = mod -> {
            throw Errors.of(PyExc.SystemExit);
        };
        m.def("exit", exit);
        m.def("exit_thread", exit);
        m.def("interrupt_main", (Fn.FV) (mod, args, kw) -> {
            Args.count("interrupt_main", args, 0, 1);
            // Simulates SIGINT arriving: the main thread raises KeyboardInterrupt at its next
            // eval-breaker check, or at once if it is waiting.
            EvalBreaker.set(EvalBreaker.SIGNAL_PENDING);
            Interrupts.signalArrived();
            return PyNone.NONE;
        });
        m.def("_set_sentinel", (Fn.F0) mod -> {
            PyLock l = new PyLock();
            l.sync.tryAcquire(1);
            RefCount.incref(l);
            SENTINELS.get().add(l);
            return l;
        });
        m.def("_excepthook", (Fn.F1) (mod, hookArgs) -> {
            excepthook(hookArgs);
            return PyNone.NONE;
        });
        m.def("_format_exc", (Fn.F1) (mod, exc) -> {
            // Gilt helper: an exception and its traceback as traceback.format_exception would.
            if (!(exc instanceof PyBaseException e)) throw Errors.typeError("_format_exc() argument must be an exception");
            return PyStr.of(Unraisable.formatter.format(e));
        });
        m.def("_register_shutdown", (Fn.F1) (mod, fn) -> {
            registerShutdown(interp, fn);
            return PyNone.NONE;
        });
        m.def("_set_thread_name", (Fn.F1) (mod, n) -> {
            String name = Args.asStr(n, "_set_thread_name() argument");
            ThreadState.current().name = name;
            return PyNone.NONE;
        });
        m.def("_is_main_thread", (Fn.F0) mod -> PyBool.of(Thread.currentThread() == EvalBreaker.mainThread));
        return m;
    }

    // ---- threads ----------------------------------------------------------------------------

    static PyObject startNewThread(PyObject func, PyObject args, PyObject kwargs) {
        if (func.type().call == null) throw Errors.typeError("first arg must be callable");
        if (!(args instanceof PyTuple targs)) throw Errors.typeError("2nd arg must be a tuple");
        if (kwargs != null && !(kwargs instanceof PyDict)) throw Errors.typeError("optional 3rd arg must be a dictionary");
        PyDict kw = (PyDict) kwargs;
        RefCount.incref(func);
        RefCount.incref(targs);
        RefCount.xincref(kw);
        long ss = stackSize;
        Thread t = new Thread(null, () -> bootstrap(func, targs, kw), "Thread-" + SERIAL.incrementAndGet(),
                ss == 0 ? DEFAULT_STACK : ss);
        t.setDaemon(true);
        RUNNING.incrementAndGet();
        FreeThreading.threadStarting();
        try {
            t.start();
        } catch (OutOfMemoryError | IllegalThreadStateException e) {
            RUNNING.decrementAndGet();
            FreeThreading.threadEnded();
            RefCount.decref(func);
            RefCount.decref(targs);
            RefCount.xdecref(kw);
            throw Errors.runtimeError("can't start new thread");
        }
        return PyInt.of(identOf(t));
    }

    /** The body of every Python thread (see the class comment for the order of events). */
    private static void bootstrap(PyObject func, PyTuple args, PyDict kw) {
        ThreadState ts = ThreadState.current();
        boolean took = Gil.attach(ts);
        try {
            try {
                RefCount.decref(callWith(func, args, kw));
            } catch (PyException e) {
                if (e.matches(PyExc.SystemExit)) {
                    RefCount.decref(e.exc);
                } else {
                    reportUnhandled(func, e);
                }
            } catch (StackOverflowError e) {
                StdStreams.writeErr("Fatal Python error: stack overflow in thread\n");
            } catch (RuntimeException e) {
                StdStreams.writeErr("SystemError: internal error in Gilt thread: " + e + "\n");
                if (dev.gilt.runtime.Config.JAVA_TRACE) e.printStackTrace();
            }
            RefCount.decref(func);
            RefCount.decref(args);
            RefCount.xdecref(kw);
            PyLocal.releaseThreadDicts();
            releaseSentinels();
            FreeThreading.threadExiting(ts);
        } catch (RuntimeException e) {
            System.err.println("gilt: error at thread exit: " + e);
        } finally {
            Gil.detach(ts, took);
            ts.exit();
            RUNNING.decrementAndGet();
            FreeThreading.threadEnded();
        }
    }

    private static PyObject callWith(PyObject func, PyTuple args, PyDict kw) {
        if (kw == null || kw.size() == 0) return Ops.call(func, args.items, null);
        int n = args.size(), nk = kw.size();
        PyObject[] all = new PyObject[n + nk];
        System.arraycopy(args.items, 0, all, 0, n);
        PyObject[] names = new PyObject[nk];
        int k = 0;
        for (int i = 0; i < kw.entrySlots() && k < nk; i++) {
            PyObject key = kw.keyAt(i);
            if (key == null) continue;
            if (!(key instanceof PyStr)) throw Errors.typeError("keywords must be strings");
            names[k] = key;
            all[n + k] = kw.valueAt(i);
            k++;
        }
        PyTuple kwnames = PyTuple.of(java.util.Arrays.copyOf(names, k));
        try {
            return Ops.call(func, java.util.Arrays.copyOf(all, n + k), kwnames);
        } finally {
            RefCount.decref(kwnames);
        }
    }

    /** CPython 3.12's report for start_new_thread: "Exception ignored in thread started by: f". */
    private static void reportUnhandled(PyObject func, PyException e) {
        String r;
        try {
            r = Ops.reprString(func);
        } catch (PyException re) {
            RefCount.decref(re.exc);
            r = "<object repr() failed>";
        }
        Unraisable.report(null, e, "Exception ignored in thread started by: " + r);
    }

    private static void releaseSentinels() {
        for (PyLock l : SENTINELS.get()) {
            if (l.locked()) l.release();
            RefCount.decref(l);
        }
        SENTINELS.remove();
    }

    /** The OS thread id (Linux /proc/thread-self), or the Java id where that is unavailable. */
    static long nativeId() {
        try {
            String p = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            int slash = p.lastIndexOf('/');
            return Long.parseLong(p.substring(slash + 1));
        } catch (Exception e) {
            return identOf(Thread.currentThread());
        }
    }

    // ---- exit and excepthook -------------------------------------------------------------------

    /**
     * threading registers its _shutdown here: it runs first among the exit hooks (CPython joins
     * the non-daemon threads before running atexit callbacks), on the main thread.
     */
    static void registerShutdown(Interp interp, PyObject fn) {
        RefCount.incref(fn);
        interp.atExit.add(0, () -> RefCount.decref(Ops.call(fn)));
    }

    /**
     * The default threading.excepthook (CPython's _thread._excepthook): SystemExit is ignored;
     * otherwise "Exception in thread NAME:" and the traceback go to sys.stderr.
     */
    static void excepthook(PyObject a) {
        if (!(a instanceof PyTuple t) || t.size() != 4) throw Errors.typeError("_thread._excepthook argument type must be ExceptHookArgs");
        PyObject excType = t.get(0), value = t.get(1), thread = t.get(3);
        if (excType == PyExc.SystemExit) return;
        String name;
        if (thread != PyNone.NONE) {
            PyObject n = Ops.lookupAttr(thread, PyStr.intern("name"));
            try {
                name = n == null ? null : Ops.strString(n);
            } finally {
                RefCount.xdecref(n);
            }
        } else {
            name = null;
        }
        if (name == null) name = Long.toString(identOf(Thread.currentThread()));
        StringBuilder sb = new StringBuilder("Exception in thread ").append(name).append(":\n");
        if (value instanceof PyBaseException exc) {
            sb.append(Unraisable.formatter.format(exc));
        } else {
            sb.append(Ops.strString(excType)).append('\n');
        }
        PyObject err = StdStreams.sysAttr("stderr");
        try {
            if (err == null || err == PyNone.NONE) return;
            StdStreams.write(err, sb.toString());
            PyObject flush = Ops.lookupAttr(err, PyStr.intern("flush"));
            if (flush != null) {
                try {
                    RefCount.decref(Ops.call(flush));
                } finally {
                    RefCount.decref(flush);
                }
            }
        } finally {
            RefCount.xdecref(err);
        }
    }
}
