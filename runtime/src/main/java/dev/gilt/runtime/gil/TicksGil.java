package dev.gilt.runtime.gil;

import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pre-3.2 GIL: the holder releases and immediately re-takes the lock every N eval-breaker
 * checks ({@code sys.setcheckinterval(N)}, default 100), with no hand-off. The released waiter
 * must wake up and win the mutex before the holder comes back for it, which on a multi-core
 * machine it rarely does: the convoy effect this design is kept to demonstrate.
 *
 * <h2>Protocol</h2>
 * <ul>
 *   <li>While at least one thread waits, {@code GIL_DROP_REQUEST} stays set so the holder's
 *       interpreter enters {@link #yieldIfRequested} at every check; each check counts one tick
 *       down ({@link ThreadState#gilTicks}) and every N-th releases and re-takes the lock.
 *       Ticks are counted only while someone waits (nobody to switch to otherwise).
 *   <li>A take resets the taker's tick budget to N.
 * </ul>
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>{@link #locked} and {@link #waiters} are touched only under {@link #mu}; the drop bit is
 *       set when {@code waiters} goes 0 to 1 and cleared when it returns to 0, under {@link #mu}.
 *   <li>{@link ThreadState#gilTicks} is touched only by its own thread.
 * </ul>
 */
public final class TicksGil extends AbstractGlobalLock {
    public static final int DEFAULT_CHECK_INTERVAL = 100;

    private final ReentrantLock mu = new ReentrantLock();
    private final Condition free = mu.newCondition();
    private boolean locked;
    private int waiters;
    private volatile int checkInterval;

    public TicksGil() {
        this(Map.of());
    }

    public TicksGil(Map<String, String> options) {
        super(options);
        int n = DEFAULT_CHECK_INTERVAL;
        String v = options == null ? null : options.get("checkinterval");
        if (v != null) n = Integer.parseInt(v.trim());
        this.checkInterval = Math.max(1, n);
    }

    @Override
    public String name() {
        return "ticks";
    }

    @Override
    protected void take(ThreadState ts, ThreadGilStats st) {
        mu.lock();
        try {
            if (locked) {
                if (waiters++ == 0) EvalBreaker.set(EvalBreaker.GIL_DROP_REQUEST);
                try {
                    while (locked) free.awaitUninterruptibly();
                } finally {
                    if (--waiters == 0) EvalBreaker.clear(EvalBreaker.GIL_DROP_REQUEST);
                }
            }
            locked = true;
        } finally {
            mu.unlock();
        }
        ts.gilTicks = checkInterval;
    }

    @Override
    protected void drop(ThreadState ts, boolean forSwitch) {
        mu.lock();
        try {
            locked = false;
            free.signal();
        } finally {
            mu.unlock();
        }
    }

    @Override
    protected boolean shouldYield(ThreadState ts) {
        int t = ts.gilTicks - 1;
        if (t > 0) {
            ts.gilTicks = t;
            return false;
        }
        return true; // take() resets the budget
    }

    @Override
    public int getCheckInterval() {
        return checkInterval;
    }

    @Override
    public void setCheckInterval(int n) {
        checkInterval = Math.max(1, n);
    }

    /** The {@code ticks} provider. */
    public static final class Provider implements GlobalLockProvider {
        @Override
        public String name() {
            return "ticks";
        }

        @Override
        public GlobalLock create(Map<String, String> options) {
            return new TicksGil(options);
        }

        @Override
        public String description() {
            return "pre-3.2 GIL: release and retake every N checks, no hand-off";
        }
    }
}
