package dev.gilt.runtime.thread;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stop-the-world pauses (PEP 703), used by the cycle collector when the GIL is off: every other
 * thread that runs Python is brought to a safe point before the action runs, and none runs Python
 * again until the action is over.
 *
 * <h2>Protocol</h2>
 * <ol>
 *   <li>The requester detaches itself and takes {@link #REQUEST} (one stop at a time; while it
 *       waits for another requester's stop it is detached, so that stop can complete).
 *   <li>It sets {@link #active} and the eval breaker's {@link EvalBreaker#STOP_THE_WORLD} bit.
 *   <li>Each attached thread, at its next eval-breaker check, {@link #park parks}: it detaches and
 *       re-attaches, and {@link ThreadState#attach()} waits while the stop is active. Threads
 *       that are detached already (waiting for the GIL, blocked inside a gap, not started, ended)
 *       count as stopped at once, and cannot attach until the restart.
 *   <li>When the requester has seen every other registered, live thread state detached, it runs
 *       the action, then clears {@link #active} and the bit and wakes the waiters.
 * </ol>
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>While {@link #active} is true and the action runs, no thread state other than the
 *       requester's is attached (a thread may flip to ATTACHED for an instant inside
 *       {@link ThreadState#attach()}, but then sees {@code active} and backs off before it runs
 *       any Python code).
 *   <li>{@link #active}, {@link #requester} and the eval-breaker bit change only under
 *       {@link #REQUEST} held by the requester.
 *   <li>Memory effects of stopped threads (plain refcount writes included) are visible to the
 *       action: each thread's last write precedes its volatile status write, which the requester
 *       reads.
 *   <li>A thread whose Java thread died while attached counts as stopped (and is reaped).
 * </ul>
 */
public final class StopTheWorld {
    private StopTheWorld() {}

    /** Serialises requesters. */
    private static final ReentrantLock REQUEST = new ReentrantLock();
    /** Guards the two conditions below (never held while running Python). */
    private static final ReentrantLock MU = new ReentrantLock();
    private static final Condition DETACHED = MU.newCondition();
    private static final Condition RESTARTED = MU.newCondition();

    /** A stop is requested or in progress. */
    static volatile boolean active;
    /** The thread state that requested the stop in progress (exempt from stopping). */
    static volatile ThreadState requester;
    /** Every other thread is stopped and the action runs. */
    private static volatile boolean stopped;

    /** True while a stop is requested or running. */
    public static boolean isActive() {
        return active;
    }

    /**
     * True on the requester's thread while its action runs: every other thread is stopped, so
     * this thread may touch any object's thread-owned state (biased local counts).
     */
    public static boolean worldStoppedByCurrentThread() {
        ThreadState r = requester;
        return stopped && r != null && r.thread == Thread.currentThread();
    }

    /**
     * Stops the world, runs {@code action}, restarts the world. Waits as long as it takes for
     * every attached thread to reach an eval-breaker check (a thread stuck in Java code while
     * attached would stall it, as in CPython).
     */
    public static void run(ThreadState self, Runnable action) {
        if (!run(self, action, Long.MAX_VALUE)) throw new IllegalStateException("unreachable");
    }

    /**
     * As {@link #run(ThreadState, Runnable)}, giving up after {@code timeoutNanos} of waiting for
     * the other threads to stop (then the action does not run and false is returned).
     */
    public static boolean run(ThreadState self, Runnable action, long timeoutNanos) {
        if (worldStoppedByCurrentThread()) {
            action.run(); // nested (a collection inside a stop): the world is already stopped
            return true;
        }
        boolean wasAttached = self.detachIfAttached();
        REQUEST.lock();
        try {
            requester = self;
            self.status = ThreadState.ATTACHED; // exempt: attach() lets the requester through
            active = true;
            EvalBreaker.set(EvalBreaker.STOP_THE_WORLD);
            boolean ok = false;
            try {
                ok = awaitStopped(self, timeoutNanos);
                stopped = ok;
                if (ok) action.run();
            } finally {
                MU.lock();
                try {
                    stopped = false;
                    active = false;
                    requester = null;
                    EvalBreaker.clear(EvalBreaker.STOP_THE_WORLD);
                    RESTARTED.signalAll();
                } finally {
                    MU.unlock();
                }
                self.status = ThreadState.DETACHED;
            }
            return ok;
        } finally {
            REQUEST.unlock();
            if (wasAttached) self.attach();
        }
    }

    private static boolean awaitStopped(ThreadState self, long timeoutNanos) {
        long deadline = timeoutNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
        MU.lock();
        try {
            for (;;) {
                if (allOthersDetached(self)) return true;
                long left = deadline == Long.MAX_VALUE ? TimeUnit.MILLISECONDS.toNanos(10) : deadline - System.nanoTime();
                if (left <= 0) return false;
                // Bounded wait: a thread that died attached never signals; re-scan now and then.
                DETACHED.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            MU.unlock();
        }
    }

    private static boolean allOthersDetached(ThreadState self) {
        for (ThreadState t : ThreadState.registered()) {
            if (t != self && t.status == ThreadState.ATTACHED && t.thread.isAlive()) return false;
        }
        return true;
    }

    /** At an eval-breaker check with STOP_THE_WORLD set: wait here until the world restarts. */
    public static void park(ThreadState ts) {
        if (!active || requester == ts) return;
        if (ts.status != ThreadState.ATTACHED) return;
        ts.detach();
        ts.attach();
    }

    /** True if {@code ts} must not be attached now. */
    static boolean mustStop(ThreadState ts) {
        return active && requester != ts;
    }

    /** Waits (uninterruptibly) while a stop that does not exempt {@code ts} is active. */
    static void awaitRestart(ThreadState ts) {
        if (!mustStop(ts)) return;
        MU.lock();
        try {
            while (mustStop(ts)) RESTARTED.awaitUninterruptibly();
        } finally {
            MU.unlock();
        }
    }

    /** Called after a thread detached: wakes the requester if a stop is pending. */
    static void notifyDetached() {
        if (!active) return;
        MU.lock();
        try {
            DETACHED.signalAll();
        } finally {
            MU.unlock();
        }
    }
}
