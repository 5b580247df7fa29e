package dev.gilt.runtime.gil;

import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A FIFO GIL: waiters queue in arrival order and the lock is handed directly to the head of the
 * queue when the holder drops it, so nobody can barge in (not even the thread that just dropped
 * it, which queues at the tail when it comes back).
 *
 * <h2>Protocol</h2>
 * <ul>
 *   <li>Take: if the lock is free and nobody queues, take it. Otherwise append a
 *       {@link Waiter} and wait until it is granted. The head of the queue, after waiting one
 *       switch interval without a hand-off, sets {@code GIL_DROP_REQUEST} (as the interval design).
 *   <li>Drop: pop the head and grant it the lock ({@link #locked} stays true: ownership moves
 *       without a moment of being free); with no waiter, mark the lock free.
 *   <li>A thread granted the lock clears {@code GIL_DROP_REQUEST}.
 * </ul>
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>{@link #locked}, {@link #queue}, {@link #handoffs} and every {@code Waiter.granted} are
 *       touched only under {@link #mu}.
 *   <li>{@code locked == false} implies the queue is empty (a drop with waiters hands off).
 *   <li>Threads take the lock in the order they queued (FIFO), each exactly once per take.
 * </ul>
 */
public final class FairGil extends AbstractGlobalLock {
    private final ReentrantLock mu = new ReentrantLock();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private boolean locked;
    private long handoffs;

    private static final class Waiter {
        final Condition cond;
        boolean granted;

        Waiter(Condition cond) {
            this.cond = cond;
        }
    }

    public FairGil() {
        this(Map.of());
    }

    public FairGil(Map<String, String> options) {
        super(options);
    }

    @Override
    public String name() {
        return "fair";
    }

    @Override
    protected void take(ThreadState ts, ThreadGilStats st) {
        boolean interrupted = false;
        mu.lock();
        try {
            if (!locked && queue.isEmpty()) {
                locked = true;
                return;
            }
            Waiter w = new Waiter(mu.newCondition());
            queue.addLast(w);
            while (!w.granted) {
                long seen = handoffs;
                long left;
                try {
                    left = w.cond.awaitNanos(switchIntervalNanos);
                } catch (InterruptedException e) {
                    interrupted = true;
                    continue;
                }
                if (!w.granted && left <= 0 && queue.peekFirst() == w && handoffs == seen) {
                    EvalBreaker.set(EvalBreaker.GIL_DROP_REQUEST);
                    st.countDropRequest();
                }
            }
            EvalBreaker.clear(EvalBreaker.GIL_DROP_REQUEST);
        } finally {
            mu.unlock();
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void drop(ThreadState ts, boolean forSwitch) {
        mu.lock();
        try {
            Waiter next = queue.pollFirst();
            if (next == null) {
                locked = false;
            } else {
                next.granted = true;
                handoffs++;
                next.cond.signal();
            }
        } finally {
            mu.unlock();
        }
    }

    /** Threads queued for the lock (for tests and diagnostics). */
    public int queueLength() {
        mu.lock();
        try {
            return queue.size();
        } finally {
            mu.unlock();
        }
    }

    /** The {@code fair} provider. */
    public static final class Provider implements GlobalLockProvider {
        @Override
        public String name() {
            return "fair";
        }

        @Override
        public GlobalLock create(Map<String, String> options) {
            return new FairGil(options);
        }

        @Override
        public String description() {
            return "FIFO hand-off among waiters";
        }
    }
}
