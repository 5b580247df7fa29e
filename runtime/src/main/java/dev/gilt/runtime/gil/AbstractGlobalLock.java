package dev.gilt.runtime.gil;

import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The common half of a lock design: ownership bookkeeping ({@link ThreadState#gilHeld}),
 * statistics, tracing, and the yield protocol (detach, release, let the design hand off, take it
 * back, re-attach). A design supplies {@link #take}, {@link #drop} and, if it does not yield on
 * the eval breaker's drop bit, {@link #shouldYield}.
 *
 * <h2>Protocol</h2>
 * <pre>
 *   acquire:  already held? -> false.  t0; take(ts); held = true; count, time wait; -> true
 *   release:  time hold; held = false; drop(ts, false)
 *   yield:    shouldYield? detach; time hold; held = false; drop(ts, true);
 *             take(ts); held = true; count; forced switch if another thread held it between;
 *             attach
 * </pre>
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>{@code take} returns only when the calling thread exclusively owns the lock; {@code drop}
 *       is called only by the owner. Between the two the design's own mutex (not this class)
 *       provides mutual exclusion and memory visibility.
 *   <li>{@link #lastHolder} and {@link #switches} are written only by the current owner, right
 *       after {@code take}, so they are ordered by the lock itself.
 *   <li>Per-thread statistics are written only by their own thread ({@link ThreadGilStats}).
 *   <li>Timing ({@code System.nanoTime}) happens only when {@link GilStats#TIMING}, a
 *       {@code static final} the JIT folds away otherwise.
 * </ul>
 */
public abstract class AbstractGlobalLock implements GlobalLock {
    /** CPython's default switch interval: 5 ms. */
    public static final double DEFAULT_SWITCH_INTERVAL = 0.005;

    protected volatile long switchIntervalNanos;
    private final long created = System.nanoTime();
    private final List<ThreadGilStats> records = new CopyOnWriteArrayList<>();
    private final Map<ThreadState, ThreadGilStats> byThread = new ConcurrentHashMap<>();
    /** Last thread to take the lock; written by the owner only. */
    private ThreadState lastHolder;
    /** Number of times the lock changed hands; written by the owner only. */
    private volatile long switches;

    protected AbstractGlobalLock(Map<String, String> options) {
        double si = DEFAULT_SWITCH_INTERVAL;
        String v = options == null ? null : options.get("switchinterval");
        if (v != null) {
            try {
                si = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid switch interval: " + v);
            }
            if (!(si > 0)) throw new IllegalArgumentException("switch interval must be strictly positive");
        }
        this.switchIntervalNanos = toNanos(si);
    }

    private static long toNanos(double seconds) {
        return Math.max(1_000L, (long) Math.min(seconds * 1e9, 3.6e12));
    }

    // ---- what a design supplies -----------------------------------------------------------

    /**
     * Blocks until the calling thread owns the lock. Called detached, without the lock held.
     * {@code st} is the caller's statistics record, for {@link ThreadGilStats#countDropRequest()}.
     */
    protected abstract void take(ThreadState ts, ThreadGilStats st);

    /**
     * Gives the lock up. {@code forSwitch} is true when called from {@link #yieldIfRequested}
     * (the design may then hand off and wait for the switch, as forced switching does).
     */
    protected abstract void drop(ThreadState ts, boolean forSwitch);

    /** Whether the holder should give the lock up at this check. Default: the drop bit is set. */
    protected boolean shouldYield(ThreadState ts) {
        return EvalBreaker.isSet(EvalBreaker.GIL_DROP_REQUEST);
    }

    // ---- the SPI --------------------------------------------------------------------------

    @Override
    public final boolean acquire(ThreadState ts) {
        if (ts.gilHeld) return false;
        ThreadGilStats st = statsOf(ts);
        long t0 = GilStats.TIMING ? System.nanoTime() : 0;
        take(ts, st);
        onTaken(ts, st, t0);
        return true;
    }

    @Override
    public final void release(ThreadState ts, boolean wasAcquired) {
        if (!wasAcquired) return;
        if (!ts.gilHeld) throw new IllegalStateException("GIL released by a thread that does not hold it: " + ts);
        onDropping(ts);
        drop(ts, false);
    }

    @Override
    public void yieldIfRequested(ThreadState ts) {
        if (!ts.gilHeld || !shouldYield(ts)) return;
        ThreadGilStats st = statsOf(ts);
        st.yields++;
        boolean attached = ts.detachIfAttached();
        long before = switches;
        onDropping(ts);
        drop(ts, true);
        long t0 = GilStats.TIMING ? System.nanoTime() : 0;
        take(ts, st);
        onTaken(ts, st, t0);
        if (switches - before >= 2) {
            // Someone else took it (+1) and we took it back (+1).
            st.forcedSwitches++;
            if (GilStats.TRACE) st.event(ThreadGilStats.FORCED_SWITCH, System.nanoTime(), 0);
        }
        if (attached) ts.attach();
    }

    private void onTaken(ThreadState ts, ThreadGilStats st, long t0) {
        ts.gilHeld = true;
        if (lastHolder != ts) {
            lastHolder = ts;
            switches = switches + 1; // owner-only write; volatile for readers
        }
        st.acquisitions++;
        if (GilStats.TIMING) {
            long t1 = System.nanoTime();
            st.waitNanos += t1 - t0;
            st.holdStart = t1;
            if (GilStats.TRACE && t1 - t0 > 1_000) st.event(ThreadGilStats.WAIT, t0, t1 - t0);
        }
    }

    private void onDropping(ThreadState ts) {
        if (GilStats.TIMING) {
            ThreadGilStats st = statsOf(ts);
            long t = System.nanoTime();
            long start = st.holdStart;
            if (start != 0) {
                st.holdNanos += t - start;
                if (GilStats.TRACE) st.event(ThreadGilStats.HOLD, start, t - start);
                st.holdStart = 0;
            }
        }
        ts.gilHeld = false;
    }

    /** The caller's statistics record for this lock (created on first use). */
    protected final ThreadGilStats statsOf(ThreadState ts) {
        if (ts.gilStatsOwner == this) return ts.gilStats;
        ThreadGilStats st = byThread.computeIfAbsent(ts, t -> {
            ThreadGilStats s = new ThreadGilStats(t);
            records.add(s);
            return s;
        });
        ts.gilStatsOwner = this;
        ts.gilStats = st;
        return st;
    }

    /** How many times the lock changed hands so far. */
    public long switchCount() {
        return switches;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public GilStats stats() {
        return GilStats.of(name(), enabled(), getSwitchInterval(), created, records);
    }

    /** Every thread's record, in first-use order (for the trace writer). */
    public List<ThreadGilStats> records() {
        return new ArrayList<>(records);
    }

    @Override
    public double getSwitchInterval() {
        return switchIntervalNanos / 1e9;
    }

    @Override
    public void setSwitchInterval(double seconds) {
        if (!(seconds > 0)) throw new IllegalArgumentException("switch interval must be strictly positive");
        switchIntervalNanos = toNanos(seconds);
    }

    @Override
    public String toString() {
        return name() + " GIL";
    }
}
