package dev.gilt.runtime.gil;

import dev.gilt.runtime.thread.ThreadState;

/**
 * The global interpreter lock SPI: one process-wide instance ({@link Gil#get()}), chosen at
 * start-up by name from the lock designs found by ServiceLoader ({@link GlobalLockProvider}).
 *
 * <h2>Protocol (who calls what)</h2>
 * <ul>
 *   <li>A thread that starts running Python calls {@link #acquire} (through {@code Gil.attach});
 *       one that stops calls {@link #release} with the value {@code acquire} returned, so nested
 *       acquire/release pairs undo only what they did.
 *   <li>The interpreter polls the eval breaker on back-edges and calls; when the
 *       {@code GIL_DROP_REQUEST} bit is set it calls {@link #yieldIfRequested}, which releases
 *       the lock, lets a waiter in (as the design decides) and takes it back.
 *   <li>Every blocking call (sleep, lock and queue waits, join, I/O, process waits) runs inside
 *       {@code try (var gap = gil.releaseWhileBlocking(ts)) { ... }}; inside the gap the thread
 *       must not touch Python objects.
 * </ul>
 *
 * <h2>Invariants every implementation keeps</h2>
 * <ul>
 *   <li>Mutual exclusion: at most one thread state has {@link ThreadState#gilHeld} set while the
 *       lock is enabled, and only a holder runs Python code.
 *   <li>{@code acquire} returns false (and takes nothing) when the calling thread already holds
 *       the lock; {@code release(ts, false)} does nothing.
 *   <li>Waiting for the lock happens detached (see {@link ThreadState}), so a stop-the-world
 *       requester never waits for a thread blocked on the lock.
 *   <li>The {@code ts} argument is always the calling thread's own state.
 * </ul>
 * Extending {@link AbstractGlobalLock} gives statistics, tracing and the detach/attach protocol
 * for free; an implementation only decides how to wait and how to hand off.
 */
public interface GlobalLock {
    /**
     * Takes the lock for the calling thread, blocking while another thread holds it.
     *
     * @return true if this call took the lock; false if the thread already held it (or the lock
     *     is disabled) — pass the result to {@link #release}
     */
    boolean acquire(ThreadState ts);

    /** Releases the lock if {@code wasAcquired} (the matching {@link #acquire}'s result). */
    void release(ThreadState ts, boolean wasAcquired);

    /**
     * Called by the holder at an eval-breaker check when a drop is requested: releases the lock,
     * lets another thread run (how depends on the design), and re-acquires before returning.
     * Does nothing if no switch is wanted.
     */
    void yieldIfRequested(ThreadState ts);

    /**
     * Releases the lock (if held) and detaches the thread state for the duration of a blocking
     * call; closing the returned gap re-acquires and re-attaches. Write
     * {@code try (var gap = gil.releaseWhileBlocking(ts)) { blockingCall(); }}.
     */
    default Gap releaseWhileBlocking(ThreadState ts) {
        boolean attached = ts.detachIfAttached();
        boolean held = ts.gilHeld;
        if (held) release(ts, true);
        if (!attached && !held) return Gap.NONE;
        return new Gap(this, ts, held, attached);
    }

    /** The design's name ("interval", "fair", ... or a provider's). */
    String name();

    /** False for the free-threaded "lock" ({@code none}): {@code sys._is_gil_enabled()}. */
    boolean enabled();

    /** A snapshot of the statistics gathered so far (cheap fields only unless -X gilstats). */
    GilStats stats();

    /** sys.getswitchinterval() in seconds. */
    double getSwitchInterval();

    /** sys.setswitchinterval(seconds); the caller validated {@code seconds > 0}. */
    void setSwitchInterval(double seconds);

    /** The ticks design's check interval (sys.getcheckinterval); others return their default. */
    default int getCheckInterval() {
        return 100;
    }

    /** sys.setcheckinterval(n): ignored by designs that do not count ticks. */
    default void setCheckInterval(int n) {}
}
