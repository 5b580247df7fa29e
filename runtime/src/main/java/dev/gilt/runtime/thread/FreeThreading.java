package dev.gilt.runtime.thread;

import dev.gilt.runtime.Config;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What keeps free-threaded mode ({@code -X gil=0}) memory-safe besides the refcount policy: the
 * "more than one thread" switch that turns per-object container locks on, and deferred releases
 * of references removed from containers (quiescent-state-based reclamation, as PEP 703's QSBR).
 * With the GIL on none of this runs: every entry point tests {@link Config#GIL_ENABLED} first,
 * a {@code static final} the JIT folds away.
 *
 * <h2>Why deferred releases</h2>
 * Readers take <em>borrowed</em> references from containers and incref them a few instructions
 * later ({@code v = dict.getItem(k); incref(v)}, LOAD_GLOBAL, attribute loads). Without a GIL a
 * writer may remove {@code v} and drop the container's reference in between; if that was the last
 * one, {@code v} is freed and the reader's incref is a use-after-free. So a container never drops
 * a reference it removed while other threads run: it hands it to {@link #decrefLater}, and the
 * reference is released only after every thread that was running Python at that moment has passed
 * a <em>quiescent point</em> — an eval-breaker check or a detach — where it holds no borrowed
 * references. Writers that return a removed value to their caller give the caller a fresh
 * reference and defer the container's own.
 *
 * <h2>Protocol and invariants</h2>
 * <ul>
 *   <li>{@link #shared} is true while a thread started by {@code _thread} runs (besides the main
 *       thread). It changes only under {@link #LOCK}; it becomes false only after the last such
 *       thread has run its last Python code, so a reader that sees false (volatile) also sees that
 *       thread's writes, and no other thread can start inside a container operation (threads are
 *       started by Python code, never from a container's Java code).
 *   <li>Each thread collects deferred references in its own open batch (owner thread only). A
 *       batch is sealed — given the goal {@code EPOCH.incrementAndGet()} and put on
 *       {@link #SEALED} — when it is full, at the thread's next check, when it detaches, and when it
 *       ends.
 *   <li>A thread records {@link ThreadState#qsbrSeen} = the current epoch at each quiescent point
 *       ({@link #quiescent}). A sealed batch with goal G is released when every registered thread
 *       state that is attached has {@code qsbrSeen >= G}; detached ones hold no borrowed
 *       references, and one that attaches later cannot find the removed objects in any container.
 *   <li>The eval breaker's {@link EvalBreaker#QSBR} bit is set while any batch (open or sealed)
 *       exists, so every thread reaches a quiescent point soon; it is cleared when
 *       {@link #pendingBatches} is zero (and set again by the next deferral).
 * </ul>
 */
public final class FreeThreading {
    private FreeThreading() {}

    private static final Object LOCK = new Object();
    /** Python threads started by _thread and not yet ended. Guarded by {@link #LOCK}. */
    private static int others;
    /**
     * True while more than one thread may run Python code (free-threaded mode only). Containers
     * lock per object only then.
     */
    public static volatile boolean shared;

    private static final int BATCH = 256;
    private static final AtomicLong EPOCH = new AtomicLong(1);
    private static final ConcurrentLinkedQueue<Batch> SEALED = new ConcurrentLinkedQueue<>();
    /** Open plus sealed batches not yet released, process-wide. */
    private static final AtomicLong pendingBatches = new AtomicLong();
    private static final ThreadLocal<Batch> OPEN = new ThreadLocal<>();

    private static final class Batch {
        final PyObject[] refs = new PyObject[BATCH];
        int n;
        long goal;
    }

    /** Whether containers must lock: free-threaded and more than one thread running. */
    public static boolean mustLock() {
        return !Config.GIL_ENABLED && shared;
    }

    // ---- thread counting (called by _thread) ----------------------------------------------------

    /** A new Python thread is about to start (before Thread.start, on the starting thread). */
    public static void threadStarting() {
        synchronized (LOCK) {
            others++;
            shared = true;
        }
    }

    /** A Python thread ended (after its thread state exited). */
    public static void threadEnded() {
        synchronized (LOCK) {
            if (--others <= 0) {
                others = 0;
                shared = false;
            }
        }
    }

    /** The current thread runs its last Python code: seals its open batch for others to release. */
    public static void threadExiting(ThreadState ts) {
        if (Config.GIL_ENABLED) return;
        seal();
        quiescent(ts);
    }

    // ---- deferred releases -------------------------------------------------------------------

    /**
     * Releases a reference that a container removed: at once with the GIL on or when only one
     * thread runs, otherwise after every running thread passed a quiescent point (see the class
     * comment). Steals the reference.
     */
    public static void decrefLater(PyObject o) {
        if (Config.GIL_ENABLED || !shared || RefCount.isImmortal(o)) {
            RefCount.decref(o);
            return;
        }
        Batch b = OPEN.get();
        if (b == null) {
            b = new Batch();
            OPEN.set(b);
            pendingBatches.incrementAndGet();
            EvalBreaker.set(EvalBreaker.QSBR);
        }
        b.refs[b.n++] = o;
        if (b.n == BATCH) seal();
    }

    /** {@link #decrefLater} for a reference that may be null. */
    public static void xdecrefLater(PyObject o) {
        if (o != null) decrefLater(o);
    }

    /** Seals the current thread's open batch (if any). */
    private static void seal() {
        Batch b = OPEN.get();
        if (b == null) return;
        OPEN.remove();
        b.goal = EPOCH.incrementAndGet();
        SEALED.add(b);
    }

    /** The thread detaches (blocking gap, GIL wait, exit): a quiescent point; seals its batch. */
    static void onDetach(ThreadState ts) {
        if (Config.GIL_ENABLED) return;
        if (OPEN.get() != null) seal();
        ts.qsbrSeen = EPOCH.get();
    }

    /**
     * A quiescent point of {@code ts} (eval-breaker check): seals its open batch, records the
     * epoch, and releases every sealed batch that all running threads have gone past. May run
     * finalizers (the released references can be the last ones).
     */
    public static void quiescent(ThreadState ts) {
        if (Config.GIL_ENABLED) return;
        if (OPEN.get() != null) seal();
        ts.qsbrSeen = EPOCH.get();
        if (SEALED.isEmpty()) {
            clearBitIfIdle();
            return;
        }
        long min = minSeen(ts);
        List<Batch> ready = null;
        for (Batch b : SEALED) {
            if (b.goal <= min && SEALED.remove(b)) {
                if (ready == null) ready = new ArrayList<>();
                ready.add(b);
            }
        }
        if (ready == null) return;
        for (Batch b : ready) {
            pendingBatches.decrementAndGet();
            for (int i = 0; i < b.n; i++) RefCount.decref(b.refs[i]);
        }
        clearBitIfIdle();
    }

    private static void clearBitIfIdle() {
        if (pendingBatches.get() != 0) return;
        EvalBreaker.clear(EvalBreaker.QSBR);
        // A deferral that raced with the clear sets the bit again itself only when it opens a
        // batch; one that opened it before our read is counted, so re-check.
        if (pendingBatches.get() != 0) EvalBreaker.set(EvalBreaker.QSBR);
    }

    /** The smallest epoch seen by an attached, live thread state (this one's own included). */
    private static long minSeen(ThreadState self) {
        long min = self.qsbrSeen;
        for (ThreadState t : ThreadState.registered()) {
            if (t == self || t.status != ThreadState.ATTACHED || t.exited || !t.thread.isAlive()) continue;
            long s = t.qsbrSeen;
            if (s < min) min = s;
        }
        return min;
    }

    /** References waiting for release, process-wide batches (for tests). */
    public static long pendingBatches() {
        return pendingBatches.get();
    }
}
