package dev.gilt.runtime.gil;

import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The "new GIL" of CPython 3.2+ (design read from CPython's ceval_gil.c; written anew).
 *
 * <h2>Protocol</h2>
 * <ul>
 *   <li>A thread that finds the lock taken waits on {@link #free} for at most one switch interval.
 *       If the wait timed out, the lock is still taken, and it has not changed hands meanwhile
 *       ({@link #switchNumber} unchanged), the waiter sets {@code GIL_DROP_REQUEST} in the eval
 *       breaker and waits again.
 *   <li>The holder sees the bit at its next eval-breaker check and calls
 *       {@link #yieldIfRequested}: it releases the lock and signals one waiter.
 *   <li>Forced switching: a holder that dropped the lock because of a request then waits on
 *       {@link #switched} until another thread has taken the lock ({@link #lastHolder} changed),
 *       and only then competes for it again, so the requester is not starved by a holder that
 *       would otherwise retake the lock at once.
 *   <li>A thread that takes the lock clears {@code GIL_DROP_REQUEST}: the request is answered;
 *       other waiters ask again after their own interval.
 * </ul>
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>{@link #locked}, {@link #lastHolder}, {@link #switchNumber} and {@link #waiters} are
 *       read and written only under {@link #mu}.
 *   <li>{@link #switchNumber} increases exactly when the lock is taken by a thread other than the
 *       previous holder; every increase signals {@link #switched}.
 *   <li>Waits are uninterruptible (a Java interrupt is kept for later); the forced-switch wait
 *       re-checks every switch interval, so a vanished waiter cannot block the holder forever.
 * </ul>
 */
public final class IntervalGil extends AbstractGlobalLock {
    private final ReentrantLock mu = new ReentrantLock();
    /** Signalled when the lock is dropped. */
    private final Condition free = mu.newCondition();
    /** Signalled when a different thread takes the lock. */
    private final Condition switched = mu.newCondition();
    private boolean locked;
    private ThreadState lastHolder;
    private long switchNumber;
    private int waiters;
    private final boolean forceSwitching;

    public IntervalGil() {
        this(Map.of());
    }

    public IntervalGil(Map<String, String> options) {
        super(options);
        this.forceSwitching = !"0".equals(options == null ? null : options.get("forceswitching"));
    }

    @Override
    public String name() {
        return "interval";
    }

    @Override
    protected void take(ThreadState ts, ThreadGilStats st) {
        boolean interrupted = false;
        mu.lock();
        try {
            if (locked) {
                waiters++;
                try {
                    while (locked) {
                        long sw = switchNumber;
                        long left;
                        try {
                            left = free.awaitNanos(switchIntervalNanos);
                        } catch (InterruptedException e) {
                            interrupted = true;
                            continue;
                        }
                        if (left <= 0 && locked && switchNumber == sw) {
                            // A whole interval without a switch: ask the holder to drop it.
                            EvalBreaker.set(EvalBreaker.GIL_DROP_REQUEST);
                            st.countDropRequest();
                        }
                    }
                } finally {
                    waiters--;
                }
            }
            locked = true;
            if (lastHolder != ts) {
                lastHolder = ts;
                switchNumber++;
                switched.signalAll();
            }
            EvalBreaker.clear(EvalBreaker.GIL_DROP_REQUEST);
        } finally {
            mu.unlock();
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void drop(ThreadState ts, boolean forSwitch) {
        boolean interrupted = false;
        mu.lock();
        try {
            locked = false;
            free.signal();
            if (forSwitch && forceSwitching) {
                // Forced switching: do not compete again before someone else had the lock.
                while (lastHolder == ts && waiters > 0) {
                    try {
                        switched.awaitNanos(switchIntervalNanos);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        } finally {
            mu.unlock();
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Threads currently waiting for the lock (for tests and diagnostics). */
    public int waiters() {
        mu.lock();
        try {
            return waiters;
        } finally {
            mu.unlock();
        }
    }

    /** The {@code interval} provider. */
    public static final class Provider implements GlobalLockProvider {
        @Override
        public String name() {
            return "interval";
        }

        @Override
        public GlobalLock create(Map<String, String> options) {
            return new IntervalGil(options);
        }

        @Override
        public String description() {
            return "CPython 3.2+ GIL: drop requests after a switch interval, forced switching";
        }
    }
}
