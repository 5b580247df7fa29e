package dev.gilt.runtime.thread;

import dev.gilt.runtime.gil.GlobalLock;
import dev.gilt.runtime.gil.Gil;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyObject;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The eval breaker: one process-wide word of request bits that the interpreter polls at function
 * entry (RESUME) and on back-edges (JUMP_BACKWARD), as CPython's {@code eval_breaker}.
 *
 * <h2>Protocol</h2>
 * The hot path is one volatile read: {@code if (EvalBreaker.pending() != 0) EvalBreaker.handle(ts);}.
 * Any thread may {@link #set} or {@link #clear} a bit (atomic bitwise or/and on the word); the
 * slow path {@link #handle} looks at every bit and does the work that bit asks for. A bit is a
 * request, not a count: setting it twice asks once.
 *
 * <h2>Bits and who clears them</h2>
 * <ul>
 *   <li>{@link #GIL_DROP_REQUEST}: a thread waiting for the GIL asks the holder to drop it at its
 *       next check. Set and cleared by the lock implementation (the new holder clears it).
 *   <li>{@link #SIGNAL_PENDING}: a signal arrived (Ctrl-C); handled on the main thread only by the
 *       installed {@link Hooks#runSignalHandlers}, which clears it.
 *   <li>{@link #GC_REQUESTED}: the cycle collector's threshold was crossed; the first thread to see
 *       it clears it and runs {@link Hooks#collectGarbage}.
 *   <li>{@link #ASYNC_EXC}: some thread state has {@link ThreadState#asyncExc} set; each thread
 *       checks its own field. Cleared when no thread state has one left.
 *   <li>{@link #STOP_THE_WORLD}: a stop-the-world request is in progress ({@link StopTheWorld});
 *       every attached thread parks at its next check. Set and cleared by the requester.
 *   <li>{@link #MERGE_REFS}: the biased refcount policy queued objects for their owner thread to
 *       merge ({@link RefCount#mergeQueued}). Set on enqueue, cleared when no queue holds any.
 * </ul>
 *
 * <h2>Invariants</h2>
 * The word is the only shared state here; it is only changed by atomic read-modify-write
 * operations, so concurrent set/clear of different bits never lose each other.
 */
public final class EvalBreaker {
    private EvalBreaker() {}

    /** A thread waits for the GIL: the holder should drop it at its next check. */
    public static final int GIL_DROP_REQUEST = 1;
    /** A signal handler must run on the main thread (KeyboardInterrupt on Ctrl-C). */
    public static final int SIGNAL_PENDING = 1 << 1;
    /** The cycle collector wants to run. */
    public static final int GC_REQUESTED = 1 << 2;
    /** Some thread has an asynchronous exception to raise (PyThreadState_SetAsyncExc). */
    public static final int ASYNC_EXC = 1 << 3;
    /** Every attached thread must park until the world restarts (free-threaded cycle collection). */
    public static final int STOP_THE_WORLD = 1 << 4;
    /** Biased refcounts: objects are queued for their owner to merge. */
    public static final int MERGE_REFS = 1 << 5;

    private static volatile int word;
    private static final VarHandle WORD;

    static {
        try {
            WORD = MethodHandles.lookup().findStaticVarHandle(EvalBreaker.class, "word", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The pending request bits; 0 almost always. One volatile read: the interpreter's hot check. */
    public static int pending() {
        return word;
    }

    /** True if {@code bit} is set. */
    public static boolean isSet(int bit) {
        return (word & bit) != 0;
    }

    /** Sets {@code bit} (atomically; other bits are untouched). */
    public static void set(int bit) {
        if ((word & bit) != bit) WORD.getAndBitwiseOr(bit);
    }

    /** Clears {@code bit} (atomically; other bits are untouched). */
    public static void clear(int bit) {
        if ((word & bit) != 0) WORD.getAndBitwiseAnd(~bit);
    }

    /** What the interpreter and stdlib plug in for the bits the runtime cannot handle alone. */
    public interface Hooks {
        /** Runs pending signal handlers on the main thread; may throw (KeyboardInterrupt). */
        default void runSignalHandlers(ThreadState ts) {}

        /** Runs the cycle collector (arranging a stop-the-world when the GIL is off). */
        default void collectGarbage(ThreadState ts) {}

        /**
         * Raises {@code exc} (an exception instance or class) in the current thread; the hook
         * receives the reference that was stored in {@link ThreadState#asyncExc} and owns it.
         */
        default void raiseAsync(ThreadState ts, PyObject exc) {
            RefCount.decref(exc);
        }
    }

    /** Installed by the interpreter at start-up. */
    public static volatile Hooks hooks = new Hooks() {};

    /**
     * The slow path: call when {@link #pending()} is non-zero, at a point where the thread may
     * drop the GIL, park, run signal handlers and raise. Uses the process-wide lock {@link Gil#get()}.
     * May throw whatever a hook throws (a Python exception).
     */
    public static void handle(ThreadState ts) {
        handle(ts, Gil.get());
    }

    /** As {@link #handle(ThreadState)}, with an explicit lock (tests, embedders). */
    public static void handle(ThreadState ts, GlobalLock gil) {
        int w = word;
        if ((w & STOP_THE_WORLD) != 0) StopTheWorld.park(ts);
        if ((w & GIL_DROP_REQUEST) != 0) gil.yieldIfRequested(ts);
        if ((w & MERGE_REFS) != 0) RefCount.mergeQueued(ts);
        if ((w & GC_REQUESTED) != 0) {
            clear(GC_REQUESTED);
            hooks.collectGarbage(ts);
        }
        if ((w & ASYNC_EXC) != 0) {
            PyObject exc = ts.takeAsyncExc();
            if (exc != null) hooks.raiseAsync(ts, exc);
        }
        if ((w & SIGNAL_PENDING) != 0 && ts.isMain()) hooks.runSignalHandlers(ts);
    }
}
