package dev.gilt.stdlib.signal;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PySet;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.Interrupts;
import dev.gilt.stdlib.sys.SysModule;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.OsErr;
import dev.gilt.stdlib.util.Waits;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code _signal}: Python-level signal handlers over the eval breaker, as CPython's.
 *
 * <h2>Delivery</h2>
 * A signal only <em>trips</em> a flag: the JVM's handler thread (sun.misc.Signal) or the timer of
 * {@code alarm}/{@code setitimer} marks the signal in {@link #TRIPPED}, sets
 * {@link EvalBreaker#SIGNAL_PENDING} and wakes the main thread out of an interruptible wait. The
 * main thread then runs {@link #dispatch()} (installed as {@link EvalBreaker#signalHandler}) at
 * its next eval-breaker check, which calls the Python handlers with {@code (signum, frame)}.
 * SIGNAL_PENDING with no signal marked (the launcher's Ctrl-C handler, _thread.interrupt_main)
 * counts as SIGINT.
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>{@link #HANDLERS} holds one owned reference per signal number; it changes only on the main
 *       thread (signal() refuses other threads, as CPython's).
 *   <li>The OS-level disposition follows the Python one: a callable (or default_int_handler)
 *       installs the tripping handler, SIG_IGN and SIG_DFL install the JVM's; signals the JVM
 *       reserves for itself (SIGQUIT, SIGUSR2, SIGSEGV...) keep their Python handler for
 *       {@code raise_signal} and timers only.
 *   <li>{@code raise_signal} is emulated: a Python handler runs before it returns, SIG_IGN does
 *       nothing, SIG_DFL takes the default action (ends the process, or nothing for the signals
 *       whose default is to be ignored).
 * </ul>
 */
public final class SignalModule implements ModuleProvider {
    public static final int NSIG = 65;
    static final int SIG_DFL = 0, SIG_IGN = 1;
    static final int SIGINT = 2, SIGALRM = 14, SIGKILL = 9, SIGSTOP = 19;

    /** Names for the JVM (sun.misc.Signal) by number; null: none. */
    static final String[] NAMES = new String[NSIG];
    static final String[] DESCRIPTIONS = {null, "Hangup", "Interrupt", "Quit", "Illegal instruction",
        "Trace/breakpoint trap", "Aborted", "Bus error", "Floating point exception", "Killed",
        "User defined signal 1", "Segmentation fault", "User defined signal 2", "Broken pipe", "Alarm clock",
        "Terminated", "Stack fault", "Child exited", "Continued", "Stopped (signal)", "Stopped",
        "Stopped (tty input)", "Stopped (tty output)", "Urgent I/O condition", "CPU time limit exceeded",
        "File size limit exceeded", "Virtual timer expired", "Profiling timer expired", "Window changed",
        "I/O possible", "Power failure", "Bad system call"};

    /** Module constants in CPython's dir() order of definition (values for Linux x86-64). */
    static final Object[][] CONSTANTS = {
        {"SIGHUP", 1}, {"SIGINT", 2}, {"SIGQUIT", 3}, {"SIGILL", 4}, {"SIGTRAP", 5}, {"SIGABRT", 6},
        {"SIGIOT", 6}, {"SIGBUS", 7}, {"SIGFPE", 8}, {"SIGKILL", 9}, {"SIGUSR1", 10}, {"SIGSEGV", 11},
        {"SIGUSR2", 12}, {"SIGPIPE", 13}, {"SIGALRM", 14}, {"SIGTERM", 15}, {"SIGSTKFLT", 16},
        {"SIGCHLD", 17}, {"SIGCONT", 18}, {"SIGSTOP", 19}, {"SIGTSTP", 20}, {"SIGTTIN", 21},
        {"SIGTTOU", 22}, {"SIGURG", 23}, {"SIGXCPU", 24}, {"SIGXFSZ", 25}, {"SIGVTALRM", 26},
        {"SIGPROF", 27}, {"SIGWINCH", 28}, {"SIGIO", 29}, {"SIGPOLL", 29}, {"SIGPWR", 30}, {"SIGSYS", 31},
        {"SIGRTMIN", 34}, {"SIGRTMAX", 64},
    };

    static {
        for (Object[] c : CONSTANTS) {
            int n = (Integer) c[1];
            if (NAMES[n] == null) NAMES[n] = ((String) c[0]).substring(3);
        }
    }

    /** Signals whose default action is to do nothing. */
    static boolean ignoredByDefault(int sig) {
        return sig == 17 || sig == 18 || sig == 23 || sig == 28;
    }

    static final PyObject[] HANDLERS = new PyObject[NSIG];
    /** 1 where the signal arrived and its handler has not run yet. */
    static final AtomicIntegerArray TRIPPED = new AtomicIntegerArray(NSIG);
    /** Counts arrivals, so that pause() sees one that happened while it was not yet waiting. */
    static final AtomicLong ARRIVALS = new AtomicLong();
    static PyObject defaultIntHandler;
    static int wakeupFd = -1;

    private static ScheduledExecutorService timer;
    private static ScheduledFuture<?> alarmTask;
    private static long alarmDeadline;   // System.nanoTime() of the next expiry, when alarmTask != null
    private static long alarmInterval;   // nanos, 0 for one shot

    @Override
    public String name() {
        return "_signal";
    }

    /** Marks {@code sig} as arrived and makes the main thread look (any thread). */
    static void trip(int sig) {
        TRIPPED.set(sig, 1);
        ARRIVALS.incrementAndGet();
        EvalBreaker.set(EvalBreaker.SIGNAL_PENDING);
        Interrupts.signalArrived();
    }

    /** Runs the handlers of the signals that arrived; on the main thread, at an eval-breaker check. */
    static void dispatch() {
        boolean any = false;
        for (int sig = 1; sig < NSIG; sig++) {
            if (TRIPPED.get(sig) == 0) continue;
            any = true;
            TRIPPED.set(sig, 0);
            try {
                runHandler(sig);
            } catch (RuntimeException e) {
                // The others stay pending for the next check, as CPython's.
                for (int k = sig + 1; k < NSIG; k++) {
                    if (TRIPPED.get(k) != 0) {
                        EvalBreaker.set(EvalBreaker.SIGNAL_PENDING);
                        break;
                    }
                }
                throw e;
            }
        }
        if (!any) runHandler(SIGINT); // Ctrl-C from the launcher or _thread.interrupt_main()
    }

    static void runHandler(int sig) {
        PyObject h = HANDLERS[sig];
        if (h == null || h == defaultIntHandler) {
            if (sig == SIGINT || h == defaultIntHandler) throw Errors.of(PyExc.KeyboardInterrupt);
            return;
        }
        if (h instanceof PyInt i) {
            if (Args.asLong(i) == SIG_DFL) defaultAction(sig);
            return;
        }
        PyObject frame = SysModule.walkFrames(0);
        PyObject[] args = {PyInt.of(sig), frame == null ? PyNone.NONE : frame};
        try {
            RefCount.decref(Ops.call(h, args, null));
        } finally {
            RefCount.xdecref(frame);
        }
    }

    /** SIG_DFL: what the OS would do (end the process by the signal, or nothing). */
    static void defaultAction(int sig) {
        if (ignoredByDefault(sig)) return;
        dev.gilt.stdlib.io.IoModule.flushAll();
        if (NAMES[sig] != null) {
            try {
                sun.misc.Signal s = new sun.misc.Signal(NAMES[sig]);
                sun.misc.Signal.handle(s, sun.misc.SignalHandler.SIG_DFL);
                sun.misc.Signal.raise(s);
                Thread.sleep(1000);
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                // fall through
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Runtime.getRuntime().halt(128 + sig);
    }

    /** Makes the OS-level disposition follow handler {@code h}; best effort. */
    static void installOs(int sig, PyObject h) {
        String name = NAMES[sig];
        if (name == null) return;
        try {
            sun.misc.Signal s = new sun.misc.Signal(name);
            if (h instanceof PyInt i) {
                sun.misc.Signal.handle(s, Args.asLong(i) == SIG_IGN
                        ? sun.misc.SignalHandler.SIG_IGN : sun.misc.SignalHandler.SIG_DFL);
            } else {
                sun.misc.Signal.handle(s, x -> trip(sig));
            }
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // reserved by the JVM, or unknown to it: Python-level only
        }
    }

    static int signum(PyObject o) {
        long n = Args.asLong(o);
        if (n < 1 || n >= NSIG) throw Errors.valueError("signal number out of range");
        return (int) n;
    }

    static void mainThreadOnly() {
        if (!EvalBreaker.isMainThread(Thread.currentThread())) {
            throw Errors.valueError("signal only works in main thread of the main interpreter");
        }
    }

    static PyObject handlerRef(int sig) {
        PyObject h = HANDLERS[sig];
        return h == null ? PyNone.NONE : RefCount.newRef(h);
    }

    // ---- timers (alarm, setitimer ITIMER_REAL) ----

    static synchronized double[] setTimer(double delay, double interval) {
        double[] old = timerState();
        if (alarmTask != null) alarmTask.cancel(false);
        alarmTask = null;
        if (delay > 0) {
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "gilt-signal-timer");
                    t.setDaemon(true);
                    return t;
                });
            }
            long d = (long) Math.min(delay * 1e9, Long.MAX_VALUE / 4);
            alarmInterval = interval > 0 ? Math.max(1, (long) Math.min(interval * 1e9, Long.MAX_VALUE / 4)) : 0;
            alarmDeadline = System.nanoTime() + d;
            alarmTask = alarmInterval > 0
                    ? timer.scheduleAtFixedRate(SignalModule::alarmFired, d, alarmInterval, TimeUnit.NANOSECONDS)
                    : timer.schedule(SignalModule::alarmFired, d, TimeUnit.NANOSECONDS);
        }
        return old;
    }

    private static synchronized void alarmFired() {
        if (alarmInterval > 0) {
            alarmDeadline += alarmInterval;
        } else {
            alarmTask = null;
        }
        trip(SIGALRM);
    }

    /** {remaining seconds, interval seconds} of the real timer. */
    static synchronized double[] timerState() {
        if (alarmTask == null) return new double[] {0.0, 0.0};
        long left = Math.max(alarmDeadline - System.nanoTime(), 1000);
        return new double[] {left / 1e9, alarmInterval / 1e9};
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("_signal");
        for (Object[] c : CONSTANTS) m.setSteal((String) c[0], PyInt.of((Integer) c[1]));
        m.setSteal("NSIG", PyInt.of(NSIG));
        m.setSteal("SIG_DFL", PyInt.of(SIG_DFL));
        m.setSteal("SIG_IGN", PyInt.of(SIG_IGN));
        m.setSteal("SIG_BLOCK", PyInt.of(0));
        m.setSteal("SIG_UNBLOCK", PyInt.of(1));
        m.setSteal("SIG_SETMASK", PyInt.of(2));
        m.setSteal("ITIMER_REAL", PyInt.of(0));
        m.setSteal("ITIMER_VIRTUAL", PyInt.of(1));
        m.setSteal("ITIMER_PROF", PyInt.of(2));

        m.def("default_int_handler", (Fn.FV) (mod, args, kw) -> {
            throw Errors.of(PyExc.KeyboardInterrupt);
        });
        synchronized (SignalModule.class) {
            if (defaultIntHandler == null) {
                defaultIntHandler = RefCount.newRef(m.get("default_int_handler"));
                HANDLERS[SIGINT] = RefCount.newRef(defaultIntHandler);
                for (int s = 1; s < NSIG; s++) {
                    if (s != SIGINT) HANDLERS[s] = PyInt.of(s == 13 || s == 25 ? SIG_IGN : SIG_DFL);
                }
                EvalBreaker.signalHandler = SignalModule::dispatch;
            }
        }

        m.def("signal", (Fn.F2) (mod, sigO, handler) -> {
            int sig = signum(sigO);
            mainThreadOnly();
            boolean special = handler instanceof PyInt i && (Args.asLong(i) == SIG_DFL || Args.asLong(i) == SIG_IGN);
            if (!special && handler.type().call == null) {
                throw Errors.typeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
            }
            if (sig == SIGKILL || sig == SIGSTOP) throw OsErr.error(22, null);
            PyObject old = HANDLERS[sig];
            HANDLERS[sig] = RefCount.newRef(handler);
            installOs(sig, handler);
            return old == null ? PyNone.NONE : old;
        });
        m.def("getsignal", (Fn.F1) (mod, sigO) -> handlerRef(signum(sigO)));
        m.def("raise_signal", (Fn.F1) (mod, sigO) -> {
            int sig = signum(sigO);
            PyObject h = HANDLERS[sig];
            if (h instanceof PyInt i) {
                if (Args.asLong(i) == SIG_DFL) defaultAction(sig);
                return PyNone.NONE;
            }
            if (EvalBreaker.isMainThread(Thread.currentThread())) {
                runHandler(sig);
            } else {
                trip(sig);
            }
            return PyNone.NONE;
        });
        m.def("strsignal", (Fn.F1) (mod, sigO) -> {
            int sig = signum(sigO);
            if (sig < DESCRIPTIONS.length) return PyStr.of(DESCRIPTIONS[sig]);
            if (sig >= 34) return PyStr.of("Real-time signal " + (sig - 34));
            return PyNone.NONE;
        });
        m.def("valid_signals", (Fn.F0) mod -> {
            PySet s = new PySet();
            for (int i = 1; i < NSIG; i++) {
                if (i == 32 || i == 33) continue;
                PyInt v = PyInt.of(i);
                s.add(v);
                RefCount.decref(v);
            }
            return s;
        });
        m.def("alarm", (Fn.F1) (mod, secs) -> {
            long n = Args.asLong(secs);
            double[] old = setTimer(n, 0);
            long left = old[0] <= 0 ? 0 : Math.max(1, Math.round(old[0]));
            return PyInt.of(left);
        });
        m.def("setitimer", (Fn.FV) (mod, args, kw) -> {
            Args.noKw("setitimer", kw);
            Args.count("setitimer", args, 2, 3);
            double delay = Args.asDouble(args[1]);
            double interval = args.length > 2 ? Args.asDouble(args[2]) : 0.0;
            if (delay < 0 || interval < 0) throw OsErr.error(22, null);
            double[] old = setTimer(delay, interval);
            return PyTuple.steal(PyFloat.of(old[0]), PyFloat.of(old[1]));
        });
        m.def("getitimer", (Fn.F1) (mod, which) -> {
            double[] st = timerState();
            return PyTuple.steal(PyFloat.of(st[0]), PyFloat.of(st[1]));
        });
        m.def("pause", (Fn.F0) mod -> {
            mainThreadOnly();
            long seen = ARRIVALS.get();
            Waits.await(nanos -> {
                while (ARRIVALS.get() == seen) Thread.sleep(5);
                return true;
            }, -1);
            Waits.runEvalBreaker(dev.gilt.runtime.thread.ThreadState.current());
            return PyNone.NONE;
        });
        m.def("siginterrupt", (Fn.F2) (mod, sigO, flag) -> {
            signum(sigO);
            return PyNone.NONE;
        });
        m.def("set_wakeup_fd", (Fn.FV) (mod, args, kw) -> {
            Args.count("set_wakeup_fd", args, 1, 1 + (kw == null ? 0 : kw.size()));
            mainThreadOnly();
            int old = wakeupFd;
            wakeupFd = Args.asInt(args[0]);
            return PyInt.of(old);
        });
        m.def("pthread_sigmask", (Fn.F2) (mod, how, mask) -> {
            long h = Args.asLong(how);
            if (h < 0 || h > 2) throw OsErr.error(22, null);
            return new PySet();
        });
        m.def("sigpending", (Fn.F0) mod -> new PySet());
        m.def("pthread_kill", (Fn.F2) (mod, tid, sigO) -> {
            long sig = Args.asLong(sigO);
            if (sig == 0) return PyNone.NONE;
            trip(signum(sigO));
            return PyNone.NONE;
        });
        return m;
    }
}
