package dev.gilt.runtime.gil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A snapshot of a lock's statistics: per thread and totals. {@link #toMap()} gives plain Java
 * values (String, Long, Double, Boolean, List, Map) from which {@code sys._gil_stats()} builds its
 * dict; {@link #format()} is the {@code -X gilstats} table printed to stderr at exit.
 *
 * <h2>What the numbers mean</h2>
 * <ul>
 *   <li>acquisitions: times the thread took the lock (first take, after each yield, after each
 *       blocking gap).
 *   <li>hold time: time between taking and releasing; wait time: time blocked waiting to take it.
 *       Both are measured only when timing is on ({@code -X gilstats} or {@code -X giltrace});
 *       otherwise they read 0.
 *   <li>drop requests: times this thread, waiting, asked the holder to drop the lock (interval and
 *       fair designs: after waiting one switch interval).
 *   <li>forced switches: times this thread gave the lock up at an eval-breaker check and another
 *       thread held it before this one got it back.
 *   <li>yields: times this thread gave the lock up at an eval-breaker check at all (ticks: every
 *       N checks; others: on a drop request).
 *   <li>hold %: hold time over the wall time since the lock was created.
 * </ul>
 */
public final class GilStats {
    /** Statistics and traces are requested: {@code -X gilstats}. */
    public static final boolean GILSTATS = Boolean.getBoolean("gilt.gilstats");
    /** {@code -X giltrace=FILE}: the trace file, or null. */
    public static final String TRACE_FILE = emptyToNull(System.getProperty("gilt.giltrace"));
    public static final boolean TRACE = TRACE_FILE != null;
    /** Hold and wait times are measured (System.nanoTime per acquire and release). */
    public static final boolean TIMING = GILSTATS || TRACE;
    /** Time origin of trace timestamps. */
    static final long ORIGIN = System.nanoTime();

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** One row: a thread's numbers (or the totals). Times in nanoseconds. */
    public record Row(String name, int id, long acquisitions, long holdNanos, long waitNanos,
                      long dropRequests, long forcedSwitches, long yields) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            if (id != 0) m.put("id", (long) id);
            m.put("acquisitions", acquisitions);
            m.put("hold_time", holdNanos / 1e9);
            m.put("wait_time", waitNanos / 1e9);
            m.put("drop_requests", dropRequests);
            m.put("forced_switches", forcedSwitches);
            m.put("yields", yields);
            return m;
        }
    }

    private final String lock;
    private final boolean enabled;
    private final double switchInterval;
    private final long wallNanos;
    private final List<Row> threads;
    private final Row total;

    public GilStats(String lock, boolean enabled, double switchInterval, long wallNanos, List<Row> threads) {
        this.lock = lock;
        this.enabled = enabled;
        this.switchInterval = switchInterval;
        this.wallNanos = wallNanos;
        this.threads = List.copyOf(threads);
        long a = 0, h = 0, w = 0, d = 0, f = 0, y = 0;
        for (Row r : threads) {
            a += r.acquisitions;
            h += r.holdNanos;
            w += r.waitNanos;
            d += r.dropRequests;
            f += r.forcedSwitches;
            y += r.yields;
        }
        this.total = new Row("total", 0, a, h, w, d, f, y);
    }

    /** Builds a snapshot from a lock's per-thread records; {@code now} closes open holds. */
    static GilStats of(String lock, boolean enabled, double switchInterval, long created, List<ThreadGilStats> all) {
        long now = System.nanoTime();
        List<Row> rows = new ArrayList<>(all.size());
        for (ThreadGilStats s : all) {
            long hold = s.holdNanos;
            long start = s.holdStart;
            if (TIMING && start != 0 && now > start) hold += now - start; // the hold in progress
            rows.add(new Row(s.name(), s.threadId, s.acquisitions, hold, s.waitNanos,
                    s.dropRequests, s.forcedSwitches, s.yields));
        }
        return new GilStats(lock, enabled, switchInterval, now - created, rows);
    }

    public String lock() {
        return lock;
    }

    public boolean enabled() {
        return enabled;
    }

    public double switchInterval() {
        return switchInterval;
    }

    public long wallNanos() {
        return wallNanos;
    }

    public List<Row> threads() {
        return threads;
    }

    public Row total() {
        return total;
    }

    /** Whether hold and wait times were measured in this process. */
    public boolean timed() {
        return TIMING;
    }

    /** Plain Java values for sys._gil_stats(): lock, enabled, switch_interval, timed, wall_time,
     * threads (a list of dicts), totals (a dict). Times in seconds as doubles. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lock", lock);
        m.put("enabled", enabled);
        m.put("switch_interval", switchInterval);
        m.put("timed", TIMING);
        m.put("wall_time", wallNanos / 1e9);
        List<Object> ts = new ArrayList<>();
        for (Row r : threads) ts.add(r.toMap());
        m.put("threads", ts);
        Map<String, Object> tot = total.toMap();
        tot.remove("name");
        m.put("totals", tot);
        return m;
    }

    /** The {@code -X gilstats} table (several lines, ending with a newline). */
    public String format() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "GIL statistics: lock %s%s, switch interval %.1f ms, wall %.1f ms%s%n",
                lock, enabled ? "" : " (disabled)", switchInterval * 1e3, wallNanos / 1e6,
                TIMING ? "" : " (times not measured)"));
        String head = String.format(Locale.ROOT, "%-24s %12s %12s %12s %7s %10s %10s%n",
                "thread", "acquisitions", "hold ms", "wait ms", "hold %", "drop req", "forced sw");
        b.append(head);
        for (Row r : threads) line(b, r.name, r);
        line(b, "total", total);
        return b.toString();
    }

    private void line(StringBuilder b, String name, Row r) {
        double pct = wallNanos > 0 ? 100.0 * r.holdNanos / wallNanos : 0;
        String n = name == null ? "?" : name.length() > 24 ? name.substring(0, 23) + "~" : name;
        b.append(String.format(Locale.ROOT, "%-24s %12d %12.1f %12.1f %6.1f%% %10d %10d%n",
                n, r.acquisitions, r.holdNanos / 1e6, r.waitNanos / 1e6, pct, r.dropRequests, r.forcedSwitches));
    }
}
