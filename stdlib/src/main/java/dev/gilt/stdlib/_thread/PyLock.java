package dev.gilt.stdlib._thread;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import dev.gilt.stdlib.util.Waits;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * {@code _thread.lock} ({@code allocate_lock()}, {@code threading.Lock}): a binary semaphore that
 * any thread may release, with CPython's acquire(blocking=True, timeout=-1).
 *
 * <h2>Concurrency</h2>
 * The state lives in a Java {@link AbstractQueuedSynchronizer} (0 = unlocked, 1 = locked), so the
 * lock is correct with the GIL on or off. An uncontended acquire is one CAS while holding the GIL;
 * a contended one waits with the GIL released and the thread detached ({@link Waits}), so the
 * holder can run and release it. The lock holds no Python references.
 */
public final class PyLock extends PyObject {
    public static final PyType TYPE = Attr.install(PyType.builtin("lock", PyLock.class), "_thread");

    /** CPython's PY_TIMEOUT_MAX in seconds on 64-bit Linux. */
    static final double TIMEOUT_MAX = 9223372036.0;

    static final ArgParser ACQUIRE = ArgParser.of("acquire", 0, 0, "blocking", "timeout");

    /** 0 unlocked, 1 locked; releasable by any thread. */
    static final class Sync extends AbstractQueuedSynchronizer {
        @Override
        protected boolean tryAcquire(int arg) {
            return compareAndSetState(0, 1);
        }

        @Override
        protected boolean tryRelease(int arg) {
            if (!compareAndSetState(1, 0)) throw new IllegalMonitorStateException();
            return true;
        }

        boolean locked() {
            return getState() != 0;
        }
    }

    final Sync sync = new Sync();

    PyLock() {}

    @Override
    public PyType type() {
        return TYPE;
    }

    /**
     * acquire(blocking, timeout) with seconds already validated: a timeout below zero waits
     * forever. The fast path takes the lock without releasing the GIL.
     */
    public boolean acquire(boolean blocking, double timeout) {
        if (sync.tryAcquire(1)) return true;
        if (!blocking) return false;
        return Waits.await(n -> n < 0 ? acquireForever() : sync.tryAcquireNanos(1, n), nanos(timeout));
    }

    private boolean acquireForever() throws InterruptedException {
        sync.acquireInterruptibly(1);
        return true;
    }

    /** release(): RuntimeError "release unlocked lock" when not locked. */
    public void release() {
        try {
            sync.release(1);
        } catch (IllegalMonitorStateException e) {
            throw Errors.runtimeError("release unlocked lock");
        }
    }

    public boolean locked() {
        return sync.locked();
    }

    /** Seconds to nanoseconds for a wait (negative: forever). */
    static long nanos(double timeout) {
        if (timeout < 0) return -1;
        double n = timeout * 1e9;
        return n >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) n;
    }

    /**
     * Parses acquire's arguments as CPython's lock_acquire_parse_args: returns the timeout in
     * seconds (-1 forever) and sets {@code blocking[0]}.
     */
    static double parseAcquire(PyObject[] args, PyTuple kw, boolean[] blocking) {
        PyObject[] a = ACQUIRE.parse(args, kw);
        boolean b = a[0] == null || truthOfBlocking(a[0]);
        double timeout = -1;
        if (a[1] != null) {
            timeout = Args.asDouble(a[1]);
            if (!b && timeout != -1) throw Errors.valueError("can't specify a timeout for a non-blocking call");
            if (timeout < 0 && timeout != -1) throw Errors.valueError("timeout value must be positive");
            if (timeout > TIMEOUT_MAX) throw Errors.overflow("timestamp out of range for platform time_t");
        }
        blocking[0] = b;
        return b ? timeout : 0;
    }

    /** CPython parses blocking with "p"-like int conversion: floats are rejected. */
    private static boolean truthOfBlocking(PyObject o) {
        if (o instanceof PyFloat) throw Errors.typeError("'float' object cannot be interpreted as an integer");
        return Args.truth(o);
    }

    String reprString() {
        return "<" + (locked() ? "locked" : "unlocked") + " _thread.lock object at 0x" + Long.toHexString(RefCount.id(this)) + ">";
    }

    static {
        TYPE.repr = self -> PyStr.of(((PyLock) self).reprString());
        TYPE.newInstance = (type, args, kw) -> {
            if (args.length > 0) throw Errors.typeError("cannot create '_thread.lock' instances");
            return new PyLock();
        };
        Fn.FV acquire = (self, args, kw) -> {
            boolean[] b = new boolean[1];
            double t = parseAcquire(args, kw, b);
            return PyBool.of(((PyLock) self).acquire(b[0], t));
        };
        PyMethodDescr.define(TYPE, "acquire", acquire);
        PyMethodDescr.define(TYPE, "acquire_lock", acquire);
        PyMethodDescr.define(TYPE, "__enter__", acquire);
        Fn.F0 release = self -> {
            ((PyLock) self).release();
            return PyNone.NONE;
        };
        PyMethodDescr.define(TYPE, "release", release);
        PyMethodDescr.define(TYPE, "release_lock", release);
        PyMethodDescr.define(TYPE, "__exit__", (Fn.FV) (self, args, kw) -> {
            ((PyLock) self).release();
            return PyNone.NONE;
        });
        Fn.F0 locked = self -> PyBool.of(((PyLock) self).locked());
        PyMethodDescr.define(TYPE, "locked", locked);
        PyMethodDescr.define(TYPE, "locked_lock", locked);
        // threading.Condition uses these on any lock (CPython's _at_fork_reinit is not needed).
        PyMethodDescr.define(TYPE, "_at_fork_reinit", (Fn.F0) self -> PyNone.NONE);
        TYPE.flags &= ~PyType.BASETYPE;
    }

    /** {@code PyInt} for an ident, shared by the module and RLock's repr. */
    static PyObject ident(long id) {
        return PyInt.of(id);
    }
}
