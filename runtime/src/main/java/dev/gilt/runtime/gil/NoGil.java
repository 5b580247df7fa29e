package dev.gilt.runtime.gil;

import dev.gilt.runtime.thread.ThreadState;
import java.util.List;
import java.util.Map;

/**
 * Free-threaded mode ({@code -X gil=0}): there is no global lock. {@link #acquire} takes nothing
 * and returns false, {@link #release} and {@link #yieldIfRequested} do nothing; blocking gaps
 * still detach the thread state (the inherited {@link #releaseWhileBlocking}), which
 * stop-the-world needs. Thread safety comes from per-object locks and the refcount policy.
 */
public final class NoGil implements GlobalLock {
    private volatile double switchInterval;
    private final long created = System.nanoTime();

    public NoGil() {
        this(Map.of());
    }

    public NoGil(Map<String, String> options) {
        double si = AbstractGlobalLock.DEFAULT_SWITCH_INTERVAL;
        String v = options == null ? null : options.get("switchinterval");
        if (v != null) si = Double.parseDouble(v);
        this.switchInterval = si;
    }

    @Override
    public boolean acquire(ThreadState ts) {
        return false;
    }

    @Override
    public void release(ThreadState ts, boolean wasAcquired) {}

    @Override
    public void yieldIfRequested(ThreadState ts) {}

    @Override
    public String name() {
        return "none";
    }

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public GilStats stats() {
        return new GilStats(name(), false, switchInterval, System.nanoTime() - created, List.of());
    }

    /** Stored and reported (sys.getswitchinterval), as CPython's free-threaded build does. */
    @Override
    public double getSwitchInterval() {
        return switchInterval;
    }

    @Override
    public void setSwitchInterval(double seconds) {
        if (!(seconds > 0)) throw new IllegalArgumentException("switch interval must be strictly positive");
        switchInterval = seconds;
    }

    /** The {@code none} provider. */
    public static final class Provider implements GlobalLockProvider {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public GlobalLock create(Map<String, String> options) {
            return new NoGil(options);
        }

        @Override
        public String description() {
            return "free-threaded: no global lock";
        }
    }
}
