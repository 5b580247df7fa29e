package dev.gilt.stdlib.util;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.gil.Gil;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.Interrupts;
import dev.gilt.runtime.thread.ThreadState;

/**
 * Blocking waits of the threading primitives (lock acquire, join, sleep, queue and condition
 * waits): the GIL is released and the thread state detached for the wait (DESIGN.md "Blocking work
 * releases the lock"), and a Ctrl-C during a wait of the main thread raises KeyboardInterrupt from
 * the wait itself, as in CPython.
 *
 * <p>Invariant: the {@link Timed} operation runs inside the gap and must not touch Python objects
 * (it waits on Java synchronizers only).
 */
public final class Waits {
    private Waits() {}

    /** A Java wait of at most {@code nanos} (negative: no limit); true if what it waits for happened. */
    @FunctionalInterface
    public interface Timed {
        boolean await(long nanos) throws InterruptedException;
    }

    /**
     * Runs {@code op} with the GIL released, for at most {@code timeoutNanos} in total (negative:
     * no limit). When a signal interrupts the main thread, the eval breaker runs (KeyboardInterrupt
     * propagates from here as a PyException) and the wait resumes for the time left.
     *
     * @return what {@code op} returned, or false when the time ran out after an interruption
     */
    public static boolean await(Timed op, long timeoutNanos) {
        ThreadState ts = ThreadState.current();
        long deadline = timeoutNanos < 0 ? 0 : System.nanoTime() + timeoutNanos;
        for (;;) {
            long left = timeoutNanos < 0 ? -1 : Math.max(0, deadline - System.nanoTime());
            boolean interrupted = false;
            boolean ok = false;
            boolean main = Interrupts.enterWait();
            try (var gap = Gil.get().releaseWhileBlocking(ts)) {
                try {
                    ok = op.await(left);
                } finally {
                    // Before the gap closes: retaking the GIL is never interrupted.
                    if (main) Interrupts.exitWait();
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (!interrupted) return ok;
            runEvalBreaker(ts);
            if (timeoutNanos >= 0 && deadline - System.nanoTime() <= 0) return false;
        }
    }

    /** Sleeps {@code nanos} with the GIL released (time.sleep); Ctrl-C raises KeyboardInterrupt. */
    public static void sleep(long nanos) {
        if (nanos <= 0) {
            // time.sleep(0) still lets other threads run, as CPython's does.
            await(n -> {
                Thread.yield();
                return true;
            }, -1);
            return;
        }
        await(n -> {
            Thread.sleep(n / 1_000_000, (int) (n % 1_000_000));
            return true;
        }, nanos);
    }

    /**
     * The eval breaker's slow path at a wait: runs signal handlers (KeyboardInterrupt) and raises a
     * pending asynchronous exception.
     */
    public static void runEvalBreaker(ThreadState ts) {
        PyObject exc = EvalBreaker.handle(ts);
        if (exc == null) return;
        if (exc instanceof PyBaseException b) throw new PyException(b);
        try {
            throw exc instanceof PyType t ? Errors.of(t) : Errors.systemError("bad asynchronous exception");
        } finally {
            RefCount.decref(exc);
        }
    }
}
