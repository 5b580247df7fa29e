package dev.gilt.stdlib._thread;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
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
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code _thread.RLock} ({@code threading.RLock}): a reentrant lock owned by the thread that took
 * it; only the owner may release it ("cannot release un-acquired lock"). The methods
 * {@code _is_owned}, {@code _release_save}, {@code _acquire_restore} and {@code _recursion_count}
 * serve {@code threading.Condition}.
 *
 * <h2>Concurrency</h2>
 * Built on a Java {@link ReentrantLock} (owner and hold count are the Java lock's). A contended
 * acquire waits with the GIL released ({@link Waits}). Holds no Python references.
 */
public final class PyRLock extends PyObject {
    public static final PyType TYPE = Attr.install(PyType.builtin("RLock", PyRLock.class), "_thread");

    final ReentrantLock lock = new ReentrantLock();
    /** Ident of the owner (0 when free): read by repr from any thread. */
    private volatile long owner;
    private final PyType type;

    PyRLock(PyType type) {
        this.type = type;
    }

    @Override
    public PyType type() {
        return type;
    }

    public boolean acquire(boolean blocking, double timeout) {
        boolean ok = lock.tryLock();
        if (!ok && blocking) {
            ok = Waits.await(n -> {
                if (n < 0) {
                    lock.lockInterruptibly();
                    return true;
                }
                return lock.tryLock(n, java.util.concurrent.TimeUnit.NANOSECONDS);
            }, PyLock.nanos(timeout));
        }
        if (ok) owner = ThreadModule.identOf(Thread.currentThread());
        return ok;
    }

    public void release() {
        if (!lock.isHeldByCurrentThread()) throw Errors.runtimeError("cannot release un-acquired lock");
        if (lock.getHoldCount() == 1) owner = 0;
        lock.unlock();
    }

    /** Releases every level; returns (count, owner) for {@link #acquireRestore}. */
    PyObject releaseSave() {
        if (!lock.isHeldByCurrentThread()) throw Errors.runtimeError("cannot release un-acquired lock");
        int n = lock.getHoldCount();
        long o = owner;
        owner = 0;
        for (int i = 0; i < n; i++) lock.unlock();
        return PyTuple.steal(PyInt.of(n), PyInt.of(o));
    }

    void acquireRestore(PyObject state) {
        if (!(state instanceof PyTuple t) || t.size() != 2) throw Errors.typeError("_acquire_restore() argument must be a 2-tuple");
        int n = Args.asInt(t.get(0));
        acquire(true, -1);
        for (int i = 1; i < n; i++) lock.lock(); // reentrant: never blocks
    }

    String reprString() {
        boolean held = lock.isLocked();
        long o = held ? owner : 0;
        int count = held ? countFromAnyThread() : 0;
        String tn = type == TYPE ? "_thread.RLock" : type.name();
        return "<" + (held ? "locked" : "unlocked") + " " + tn + " object owner=" + o + " count=" + count
                + " at 0x" + Long.toHexString(RefCount.id(this)) + ">";
    }

    /** The hold count as seen by any thread (ReentrantLock tells only its owner). */
    private int countFromAnyThread() {
        if (lock.isHeldByCurrentThread()) return lock.getHoldCount();
        // Another thread's count is not exposed by ReentrantLock; CPython reads a racy field too.
        return lock.isLocked() ? 1 : 0;
    }

    static {
        TYPE.repr = self -> PyStr.of(((PyRLock) self).reprString());
        TYPE.newInstance = (type, args, kw) -> new PyRLock(type);
        Fn.FV acquire = (self, args, kw) -> {
            boolean[] b = new boolean[1];
            double t = PyLock.parseAcquire(args, kw, b);
            return PyBool.of(((PyRLock) self).acquire(b[0], t));
        };
        PyMethodDescr.define(TYPE, "acquire", acquire);
        PyMethodDescr.define(TYPE, "__enter__", acquire);
        PyMethodDescr.define(TYPE, "release", (Fn.F0) self -> {
            ((PyRLock) self).release();
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "__exit__", (Fn.FV) (self, args, kw) -> {
            ((PyRLock) self).release();
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "_is_owned", (Fn.F0) self -> PyBool.of(((PyRLock) self).lock.isHeldByCurrentThread()));
        PyMethodDescr.define(TYPE, "_recursion_count", (Fn.F0) self -> {
            ReentrantLock l = ((PyRLock) self).lock;
            return PyInt.of(l.isHeldByCurrentThread() ? l.getHoldCount() : 0);
        });
        PyMethodDescr.define(TYPE, "_release_save", (Fn.F0) self -> ((PyRLock) self).releaseSave());
        PyMethodDescr.define(TYPE, "_acquire_restore", (Fn.F1) (self, st) -> {
            ((PyRLock) self).acquireRestore(st);
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "_at_fork_reinit", (Fn.F0) self -> PyNone.NONE);
    }
}
