package dev.gilt.runtime.thread;

/**
 * The eval breaker: one word that every interpreter loop polls at function entry (RESUME) and at
 * backward jumps (JUMP_BACKWARD), so that work which must interrupt running bytecode costs one
 * volatile read when there is none.
 *
 * <h2>Protocol and invariants</h2>
 * <ul>
 *   <li>Any thread may set a bit ({@link #set}); the bits are process-wide because Gilt has one
 *       interpreter per process.
 *   <li>Only an interpreter thread clears a bit, after it has done (or claimed) the work the bit
 *       asks for ({@link #clear}). A bit may therefore be seen by several threads; the handlers
 *       are written so that running them twice is harmless (a second GC finds nothing new, a
 *       signal is delivered once because the pending flag is claimed with compare-and-set).
 *   <li>The loop reads {@link #flags} once per check; a zero word means "nothing to do".
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
     * Run by the thread that holds the GIL when it sees {@link #GIL_DROP_REQUEST}; the GIL
     * implementation installs it (drop, let the waiter in, retake). Default: clear the bit.
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
}
