package dev.gilt.runtime.gil;

import dev.gilt.runtime.Config;
import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The process-wide lock and how it is chosen.
 *
 * <p>{@link #get()} is the lock named by {@link Config#GIL_NAME} ({@code -X gil=0|1|NAME},
 * {@code PYTHON_GIL}), created on first use with options from the {@code gilt.switchinterval} and
 * {@code gilt.checkinterval} properties, and held in a {@code static final} field so the JIT
 * treats it as a constant. Names are resolved among the providers found by ServiceLoader
 * ({@link GlobalLockProvider}); the built-in ones ({@code none}, {@code interval}, {@code ticks},
 * {@code fair}) win over a provider that reuses their name.
 *
 * <p>The launcher should call {@link #checkConfigured()} (or {@link #exitIfUnknown()}) before
 * running anything, so an unknown name is reported as
 * {@code Fatal Python error: unknown GIL 'x' (available: fair, interval, none, ticks)} with exit
 * status 1; and {@link #atExit()} at exit, which prints {@code -X gilstats} and writes
 * {@code -X giltrace} (it is also registered as a shutdown hook when either is on).
 */
public final class Gil {
    private Gil() {}

    private static final List<String> BUILTIN = List.of("fair", "interval", "none", "ticks");

    /** Thrown for a lock name no provider has. Its message is the fatal error text. */
    public static final class UnknownGilException extends IllegalArgumentException {
        public UnknownGilException(String message) {
            super(message);
        }
    }

    private static final class Holder {
        static final GlobalLock LOCK = createConfigured();
    }

    /** The process-wide lock (created on first call; throws {@link UnknownGilException}). */
    public static GlobalLock get() {
        return Holder.LOCK;
    }

    /** Shorthand for {@code get().enabled()}: {@code sys._is_gil_enabled()}. */
    public static boolean enabled() {
        return Config.GIL_ENABLED;
    }

    // ---- thread start and end -------------------------------------------------------------

    /**
     * A thread starts running Python: takes the lock and attaches the thread state. Returns what
     * {@code acquire} returned; pass it to {@link #detach}.
     */
    public static boolean attach(ThreadState ts) {
        boolean took = get().acquire(ts);
        ts.attach();
        return took;
    }

    /** A thread stops running Python: detaches, then releases what {@link #attach} took. */
    public static void detach(ThreadState ts, boolean took) {
        ts.detach();
        get().release(ts, took);
    }

    // ---- selection ------------------------------------------------------------------------

    private static GlobalLock createConfigured() {
        GlobalLock lock = create(Config.GIL_NAME, optionsFromProperties());
        // Loops that handle the breaker bits themselves reach the lock through this hook.
        EvalBreaker.onGilDropRequest = () -> lock.yieldIfRequested(ThreadState.current());
        if (GilStats.GILSTATS || GilStats.TRACE) {
            Runtime.getRuntime().addShutdownHook(new Thread(Gil::atExit, "gil-stats-at-exit"));
        }
        return lock;
    }

    /** Start-up options for a provider, from {@code gilt.*} system properties. */
    public static Map<String, String> optionsFromProperties() {
        Map<String, String> o = new HashMap<>();
        String si = System.getProperty("gilt.switchinterval");
        if (si != null) o.put("switchinterval", si);
        String ci = System.getProperty("gilt.checkinterval");
        if (ci != null) o.put("checkinterval", ci);
        return o;
    }

    /** Every provider by name (built-ins first, then the class path's in discovery order). */
    public static Map<String, GlobalLockProvider> providers() {
        Map<String, GlobalLockProvider> out = new LinkedHashMap<>();
        out.put("none", new NoGil.Provider());
        out.put("interval", new IntervalGil.Provider());
        out.put("ticks", new TicksGil.Provider());
        out.put("fair", new FairGil.Provider());
        ServiceLoader<GlobalLockProvider> sl = ServiceLoader.load(GlobalLockProvider.class, loader());
        var it = sl.iterator();
        while (true) {
            GlobalLockProvider p;
            try {
                if (!it.hasNext()) break;
                p = it.next();
            } catch (ServiceConfigurationError e) {
                // A broken jar must not hide the others; report it once on stderr.
                System.err.println("gilt: warning: ignoring GIL provider: " + e.getMessage());
                continue;
            }
            out.putIfAbsent(p.name(), p);
        }
        return out;
    }

    private static ClassLoader loader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : Gil.class.getClassLoader();
    }

    /** The selectable names, sorted. */
    public static List<String> available() {
        return new ArrayList<>(new TreeMap<>(providers()).keySet());
    }

    /**
     * A new lock of the named design ("0"/"1" are accepted as "none"/"interval").
     *
     * @throws UnknownGilException if no provider has that name
     */
    public static GlobalLock create(String name, Map<String, String> options) {
        String n = switch (name) {
            case "0" -> "none";
            case "1", "" -> "interval";
            default -> name;
        };
        Map<String, GlobalLockProvider> all = providers();
        GlobalLockProvider p = all.get(n);
        if (p == null) throw new UnknownGilException(unknownMessage(name, new ArrayList<>(new TreeMap<>(all).keySet())));
        return p.create(options == null ? Map.of() : options);
    }

    /** {@code unknown GIL 'x' (available: a, b, c)}. */
    public static String unknownMessage(String name, List<String> available) {
        return "unknown GIL '" + name + "' (available: " + String.join(", ", available) + ")";
    }

    /**
     * Checks the configured name without creating the lock: null if fine, else the message for
     * {@code Fatal Python error: }.
     */
    public static String checkConfigured() {
        if (BUILTIN.contains(Config.GIL_NAME)) return null;
        Map<String, GlobalLockProvider> all = providers();
        if (all.containsKey(Config.GIL_NAME)) return null;
        return unknownMessage(Config.GIL_NAME, new ArrayList<>(new TreeMap<>(all).keySet()));
    }

    /** For the launcher: on an unknown name prints the fatal error and exits with status 1. */
    public static void exitIfUnknown() {
        String msg = checkConfigured();
        if (msg != null) {
            System.err.println("Fatal Python error: " + msg);
            System.err.flush();
            System.exit(1);
        }
    }

    // ---- exit -----------------------------------------------------------------------------

    private static final AtomicBoolean EXITED = new AtomicBoolean();

    /**
     * At interpreter exit: prints the {@code -X gilstats} table to stderr and writes the
     * {@code -X giltrace} file. Runs once (later calls do nothing); does nothing when neither
     * option is on.
     */
    public static void atExit() {
        if (!(GilStats.GILSTATS || GilStats.TRACE)) return;
        if (!EXITED.compareAndSet(false, true)) return;
        GlobalLock lock = get();
        if (GilStats.GILSTATS) {
            System.err.print(lock.stats().format());
            System.err.flush();
        }
        if (GilStats.TRACE) {
            List<ThreadGilStats> recs = lock instanceof AbstractGlobalLock a ? a.records() : List.of();
            try {
                GilTrace.write(Path.of(GilStats.TRACE_FILE), lock.name(), recs);
            } catch (IOException | RuntimeException e) {
                System.err.println("gilt: warning: cannot write GIL trace " + GilStats.TRACE_FILE + ": " + e.getMessage());
            }
        }
    }
}
