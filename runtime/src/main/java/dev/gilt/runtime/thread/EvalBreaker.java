package dev.gilt.runtime.thread;

import dev.gilt.runtime.Config;
import dev.gilt.runtime.gil.Gil;
import dev.gilt.runtime.gil.GlobalLock;
import dev.gilt.runtime.memory.Gc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyObject;

/**
 * The eval breaker: one word that every interpreter loop polls at function entry (RESUME) and at
 * backward jumps (JUMP_BACKWARD), so that work which must interrupt running bytecode costs one
 * volatile read when there is none.
 *
 * <h2>Protocol and invariants</h2>
 * <ul>
 *   <li>Any thread may set a bit ({@link #set}); the bits are process-wide because Gilt has one
 *       interpreter per process. Set and clear are atomic read-modify-writes of the word, so
 *       concurrent changes of different bits never lose each other.
 *   <li>Only an interpreter thread clears a bit, after it has done (or claimed) the work the bit
 *       asks for ({@link #clear}). A bit may therefore be seen by several threads; the handlers
 *       are written so that running them twice is harmless (a second GC finds nothing new, a
 *       signal is delivered once because the pending flag is claimed with compare-and-set).
 *   <li>The loop reads {@link #flags} once per check; a zero word means "nothing to do".
 * </ul>
 *
 * <h2>Who clears which bit</h2>
 * <ul>
 *   <li>{@link #GIL_DROP_REQUEST}: set by a thread waiting for the GIL; cleared by the lock design
 *       (the thread that takes the lock next). The holder answers through
 *       {@code GlobalLock.yieldIfRequested}.
 *   <li>{@link #STOP_THE_WORLD}: set and cleared by the {@link StopTheWorld} requester; every other
 *       attached thread parks at its next check ({@link StopTheWorld#park}).
 *   <li>{@link #MERGE_REFS}: biased refcounts queued objects for their owner
 *       ({@link RefCount#mergeQueued}); cleared when no merge queue holds any.
 *   <li>{@link #ASYNC_EXC}: cleared by {@link ThreadState#takeAsyncExc()} when no thread state has
 *       a pending async exception left.
 * </ul>
 */
public final class EvalBreaker {
    private EvalBreaker() {}

    /** The cycle collector's generation-0 threshold was crossed: run {@code Gc.collect()}. */
    public static final int GC_REQUESTED = 1;
    /** A signal arrived (Ctrl-C): the main thread raises KeyboardInterrupt (or runs the handler). */
    public static final int SIGNAL_PENDING = 2;
    /** Another thread waits for the GIL: the holder drops it at its next check. */
    public static final int GIL_DROP_REQUEST = 4;
    /** Some thread has an asynchronous exception ({@link ThreadState#asyncExc}) to raise. */
    public static final int ASYNC_EXC = 8;
    /** A stop-the-world is in progress: every attached thread parks until it ends. */
    public static final int STOP_THE_WORLD = 16;
    /** Biased refcounts: objects wait in their owner's merge queue. */
    public static final int MERGE_REFS = 32;
    /**
     * Free-threaded mode: references removed from containers wait for every thread to pass a
     * quiescent point ({@link FreeThreading}); set while any wait, cleared by FreeThreading.
     */
    public static final int QSBR = 64;

    /** The bits; read by the eval loop once per check. */
    public static volatile int flags;

    private static final java.lang.invoke.VarHandle FLAGS;

    static {
        try {
            FLAGS = java.lang.invoke.MethodHandles.lookup().findStaticVarHandle(EvalBreaker.class, "flags", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The pending bits ({@link #flags}); 0 almost always. */
    public static int pending() {
        return flags;
    }

    /** Atomically sets {@code bit}. Safe from any thread, including signal handlers. */
    public static void set(int bit) {
        int old;
        do {
            old = flags;
            if ((old & bit) == bit) return;
        } while (!FLAGS.compareAndSet(old, old | bit));
    }

    /** Atomically clears {@code bit}; returns true if it was set (the caller then owns the work). */
    public static boolean clear(int bit) {
        int old;
        do {
            old = flags;
            if ((old & bit) == 0) return false;
        } while (!FLAGS.compareAndSet(old, old & ~bit));
        return true;
    }

    public static boolean isSet(int bit) {
        return (flags & bit) != 0;
    }

    // ---- what the loop runs for each bit (replaceable by the modules that own the work) ----

    /**
     * Run by the thread that holds the GIL when it sees {@link #GIL_DROP_REQUEST}. {@code Gil}
     * installs {@code () -> Gil.get().yieldIfRequested(ThreadState.current())} when the
     * process-wide lock is created. Default: clear the bit.
     */
    public static volatile Runnable onGilDropRequest = () -> clear(GIL_DROP_REQUEST);

    /**
     * Run on the main thread after it claimed {@link #SIGNAL_PENDING}. The {@code signal} module
     * may replace it to run Python handlers; the default raises KeyboardInterrupt (Ctrl-C).
     */
    public static volatile Runnable signalHandler = () -> {
        throw dev.gilt.runtime.error.Errors.of(dev.gilt.runtime.error.PyExc.KeyboardInterrupt);
    };

    /** The thread that runs the main program (signals are delivered to it only). */
    public static volatile Thread mainThread;

    public static boolean isMainThread(Thread t) {
        Thread m = mainThread;
        return m == null || m == t;
    }

    // ---- the whole slow path, for loops that do not spell it out themselves -----------------

    /**
     * Handles every pending bit for {@code ts} with the process-wide lock: see
     * {@link #handle(ThreadState, GlobalLock)}.
     */
    public static PyObject handle(ThreadState ts) {
        return handle(ts, Gil.get());
    }

    /**
     * The slow path of a check, at a point where the thread may park, drop the lock, run a
     * collection and raise: parks for a stop-the-world, yields the GIL on a drop request, merges
     * queued biased refcounts, runs a requested collection, runs signal handlers on the main
     * thread (which may throw KeyboardInterrupt). Returns the thread's pending asynchronous
     * exception (a new reference: the caller raises it) or null.
     */
    public static PyObject handle(ThreadState ts, GlobalLock gil) {
        int fl = flags;
        if ((fl & STOP_THE_WORLD) != 0) StopTheWorld.park(ts);
        if ((fl & GIL_DROP_REQUEST) != 0) gil.yieldIfRequested(ts);
        if ((fl & MERGE_REFS) != 0) RefCount.mergeQueued(ts);
        if ((fl & QSBR) != 0) FreeThreading.quiescent(ts);
        if ((fl & GC_REQUESTED) != 0 && clear(GC_REQUESTED)) collectGarbage(ts);
        if ((fl & SIGNAL_PENDING) != 0 && isMainThread(ts.thread) && clear(SIGNAL_PENDING)) signalHandler.run();
        if ((fl & ASYNC_EXC) != 0) return ts.takeAsyncExc();
        return null;
    }

    /**
     * Runs the cycle collector as a check should: directly with the GIL on (the GIL stops the
     * world), inside a {@link StopTheWorld} with it off. Returns the number collected.
     */
    public static int collectGarbage(ThreadState ts) {
        if (!Gc.isEnabled()) return 0;
        if (Config.GIL_ENABLED) return Gc.collect();
        int[] n = {0};
        StopTheWorld.run(ts, () -> n[0] = Gc.collect());
        return n[0];
    }
}
