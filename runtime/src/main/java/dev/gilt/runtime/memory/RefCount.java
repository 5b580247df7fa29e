package dev.gilt.runtime.memory;

import dev.gilt.runtime.Config;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where reference counts change. Every incref and decref in Gilt goes through here.
 *
 * <h2>Policies</h2>
 * Chosen once at start-up from the system property {@code gilt.refcount} (set by the launcher
 * from {@code -X refcount=}) and held in {@code static final} fields, so the JIT folds the
 * branches for the policy not in use:
 * <ul>
 *   <li>{@code plain}: {@code refcnt++} with no atomicity. Exact under a GIL; races without one.
 *   <li>{@code atomic}: every change is an atomic read-modify-write on {@code refcnt}.
 *   <li>{@code biased} (PEP 703, Choi et al. 2018): the owning thread (recorded at allocation in
 *       {@code refOwner}, its {@link ThreadState#id}) counts non-atomically in {@code refcnt} (the
 *       local count); other threads count atomically in {@code refShared} (the shared word).
 *       The true count is local + shared. See "Biased counting" below.
 * </ul>
 * Defaults: {@code plain} with the GIL on, {@code biased} with it off. {@code plain} without a GIL
 * is the lab mode ({@link #labModeWarning()}): counts race for real, and {@code -X refrace=widen}
 * widens the window between the read and the write so the race shows within seconds.
 *
 * <h2>Biased counting</h2>
 * The shared word is {@code (count << 2) | state}; the count may be negative (a reference taken
 * by the owner and dropped by another thread). States:
 * <ul>
 *   <li>NORMAL: owned; the object is alive while local + shared &gt; 0, and the owner's local count
 *       is &gt; 0 (when it reaches 0 the owner merges at once, below).
 *   <li>QUEUED: a non-owner decref took the shared count below zero; the object was put on its
 *       owner's {@link ThreadState#refMergeQueue} (exactly once: the NORMAL to QUEUED change is a
 *       CAS) and the eval breaker's MERGE_REFS bit set. The owner merges it at its next check,
 *       at thread exit, or — if the owner has died — the queuing thread merges it itself.
 *   <li>MERGED: the owner gave the object up ({@code refOwner = 0}); every thread counts in the
 *       shared word only, and the decref that takes it to zero deallocates.
 * </ul>
 * Transitions of the shared word are atomic (add for increfs, CAS for decrefs and merges), so an
 * increment or a decrement is never lost between owner and non-owners, and:
 * <ul>
 *   <li>Merging folds the local count into the shared word in the same CAS that sets MERGED, and
 *       is done by the owner (or, once the owner is dead, by anyone: its local count no longer
 *       changes). Only the CAS winner writes {@code refcnt = 0} and {@code refOwner = 0}.
 *   <li>Deallocation happens exactly once: on the owner when its local count reaches zero with a
 *       shared word of exactly 0 (then no other thread holds a reference, so nobody else may touch
 *       the word) or a zero count it merges; on a merge whose total is zero; or on the non-owner
 *       whose CAS takes a MERGED count from 1 to 0. These are mutually exclusive.
 *   <li>Owner tags are never reused (Java thread ids), so a thread never mistakes another's
 *       object for its own; a thread reads {@code refOwner} after the shared word when merging
 *       for a dead owner, so a resurrected object re-owned elsewhere is skipped.
 * </ul>
 *
 * <h2>Encoding</h2>
 * Counts at or above {@link #IMMORTAL} never change (PEP 683). A freed object has
 * {@code refcnt == FREED}; touching it is reported as a use-after-free (exit status 134). A count
 * below zero for any other reason is reported as a negative refcount.
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>{@code dealloc} runs at most once per object, on the thread whose decref took the total to
 *       zero; it runs the finalizer first and stops if the finalizer resurrected the object.
 *       (Not so in lab mode, where that is the point: there a second, racing dealloc is caught by
 *       a CAS on {@link #FLAG_DEALLOCATED} and reported as a use-after-free.)
 *   <li>Deep deallocation chains (a long linked list) are flattened: past {@link #MAX_DEPTH}
 *       nested deallocs, further ones are queued and run by the outermost dealloc (CPython's
 *       trashcan), so a Java stack overflow cannot happen here.
 * </ul>
 */
public final class RefCount {
    private RefCount() {}

    public static final int IMMORTAL = 1 << 30;
    public static final int FREED = Integer.MIN_VALUE / 2;
    /** What sys.getrefcount reports for an immortal object (CPython 3.12, 64-bit). */
    public static final long IMMORTAL_REPORTED = 4294967295L;

    public static final int PLAIN = 0, ATOMIC = 1, BIASED = 2;
    /** The policy: {@code gilt.refcount} ({@code -X refcount=}); default plain with the GIL on,
     * biased with it off (DESIGN.md). */
    public static final int POLICY = parsePolicy(defaultPolicyName(System.getProperty("gilt.refcount")));
    /** Lab mode: the plain policy without a GIL; counts race for real. */
    public static final boolean LAB = POLICY == PLAIN && !Config.GIL_ENABLED;
    /** Lab switch {@code -X refrace=widen}: spin between read and write of a plain count. */
    public static final boolean WIDEN = "widen".equals(System.getProperty("gilt.refrace"));
    /** {@code -X showrefcount}: keep process-wide totals of references and live objects. */
    public static final boolean COUNT_TOTALS = Boolean.getBoolean("gilt.showrefcount");

    public static final int FLAG_HAS_WEAKREFS = 1, FLAG_FINALIZED = 2, FLAG_HAS_ID = 4;
    /** Lab mode only: set (by CAS) when deallocation starts, so a racing second dealloc is caught. */
    public static final int FLAG_DEALLOCATED = 8;

    /** Biased policy: layout of the shared word {@code (count << SH_SHIFT) | state}. */
    static final int SH_SHIFT = 2, SH_MASK = 3, SH_NORMAL = 0, SH_QUEUED = 2, SH_MERGED = 3;
    private static final int SH_ONE = 1 << SH_SHIFT;

    private static final VarHandle REFCNT, SHARED, FLAGS;

    static {
        try {
            var l = MethodHandles.lookup();
            REFCNT = MethodHandles.privateLookupIn(PyObject.class, l).findVarHandle(PyObject.class, "refcnt", int.class);
            SHARED = MethodHandles.privateLookupIn(PyObject.class, l).findVarHandle(PyObject.class, "refShared", int.class);
            FLAGS = MethodHandles.privateLookupIn(PyObject.class, l).findVarHandle(PyObject.class, "objFlags", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static String defaultPolicyName(String prop) {
        if (prop != null && !prop.isEmpty()) return prop;
        return Config.GIL_ENABLED ? "plain" : "biased";
    }

    /** Whether {@code name} is a refcount policy ({@code -X refcount=} validation). */
    public static boolean isPolicyName(String name) {
        return "plain".equals(name) || "atomic".equals(name) || "biased".equals(name);
    }

    /**
     * The warning line the launcher prints to stderr in lab mode ({@code -X gil=0 -X refcount=plain}),
     * or null when not in lab mode.
     */
    public static String labModeWarning() {
        if (!LAB) return null;
        return "gilt: warning: free-threaded mode with the plain refcount policy: reference counts will race (lab mode)";
    }

    static int parsePolicy(String s) {
        return switch (s) {
            case "atomic" -> ATOMIC;
            case "biased" -> BIASED;
            default -> PLAIN;
        };
    }

    public static String policyName() {
        return switch (POLICY) {
            case ATOMIC -> "atomic";
            case BIASED -> "biased";
            default -> "plain";
        };
    }

    // ---- owner tags for the biased policy -------------------------------------------------

    /**
     * The current thread's owner tag under the biased policy (its {@link ThreadState#id}, which
     * registers the thread state on first use), 0 under the other policies.
     */
    public static int ownerTag() {
        if (POLICY != BIASED) return 0;
        return ThreadState.current().id;
    }

    /** The current thread's tag without a thread-local lookup (equal to {@link #ownerTag()}). */
    private static int myTag() {
        return ThreadState.tagOf(Thread.currentThread());
    }

    // ---- the hot paths --------------------------------------------------------------------

    public static void incref(PyObject o) {
        if (POLICY == PLAIN) {
            int c = o.refcnt;
            if (c > 0 && c < IMMORTAL) {
                if (WIDEN) widen();
                o.refcnt = c + 1;
            } else {
                increfSlow(o, c);
            }
        } else if (POLICY == ATOMIC) {
            // Immortality never ends, so a plain read suffices to skip them (no atomic on None).
            if (o.refcnt < IMMORTAL) {
                int c = (int) REFCNT.getAndAdd(o, 1);
                if (c <= 0) {
                    REFCNT.getAndAdd(o, -1);
                    increfSlow(o, c);
                }
            }
        } else {
            increfBiased(o);
        }
        if (COUNT_TOTALS) TOTAL_REFS.increment();
    }

    /** incref that tolerates null (for optional slots). */
    public static void xincref(PyObject o) {
        if (o != null) incref(o);
    }

    /** Increfs and returns {@code o}: turns a borrowed reference into a new one. */
    public static <T extends PyObject> T newRef(T o) {
        incref(o);
        return o;
    }

    public static void decref(PyObject o) {
        if (COUNT_TOTALS) TOTAL_REFS.decrement();
        if (POLICY == PLAIN) {
            int c = o.refcnt;
            if (c > 1 && c < IMMORTAL) {
                if (WIDEN) widen();
                o.refcnt = c - 1;
            } else {
                decrefSlow(o, c);
            }
        } else if (POLICY == ATOMIC) {
            int c = o.refcnt;
            if (c >= IMMORTAL) return;
            c = (int) REFCNT.getAndAdd(o, -1);
            if (c == 1) {
                dealloc(o);
            } else if (c <= 0) {
                REFCNT.getAndAdd(o, 1);
                broken(o, afterDecref(c));
            }
        } else {
            decrefBiased(o);
        }
    }

    public static void xdecref(PyObject o) {
        if (o != null) decref(o);
    }

    private static void increfSlow(PyObject o, int c) {
        if (c >= IMMORTAL) return;
        // A count of 0 means the object is dead or dying: touching it is a use-after-free.
        broken(o, c == 0 ? FREED : c);
    }

    private static void decrefSlow(PyObject o, int c) {
        if (c >= IMMORTAL) return;
        if (c == 1) {
            if (WIDEN) widen();
            o.refcnt = 0;
            dealloc(o);
            return;
        }
        broken(o, afterDecref(c));
    }

    /** The count a decref of {@code c} would leave, for the report (a freed object stays freed). */
    private static int afterDecref(int c) {
        return c == FREED || c < FREED / 2 ? FREED : c - 1;
    }

    // ---- biased policy --------------------------------------------------------------------

    private static void increfBiased(PyObject o) {
        int c = o.refcnt;
        if (c >= IMMORTAL) return;
        if (o.refOwner == myTag()) {
            if (c <= 0) {
                broken(o, c == 0 ? FREED : c);
                return;
            }
            o.refcnt = c + 1;
        } else {
            if (c == FREED) {
                broken(o, c);
                return;
            }
            SHARED.getAndAdd(o, SH_ONE); // flags are below the count: an add keeps them
        }
    }

    private static void decrefBiased(PyObject o) {
        int c = o.refcnt;
        if (c >= IMMORTAL) return;
        if (o.refOwner == myTag()) {
            if (c <= 0) {
                broken(o, afterDecref(c));
                return;
            }
            if (--c != 0) {
                o.refcnt = c;
                return;
            }
            o.refcnt = 0;
            mergeZeroLocal(o);
        } else {
            decrefShared(o, c);
        }
    }

    /** Owner only: its local count just reached zero. Gives the object up or deallocates it. */
    private static void mergeZeroLocal(PyObject o) {
        for (;;) {
            int s = (int) SHARED.getVolatile(o);
            if (s == 0) {
                // Total zero: no other thread holds a reference, so none may touch the word now.
                o.refOwner = 0;
                dealloc(o);
                return;
            }
            int cnt = s >> SH_SHIFT;
            if (SHARED.compareAndSet(o, s, (cnt << SH_SHIFT) | SH_MERGED)) {
                o.refOwner = 0;
                if (cnt == 0) {
                    dealloc(o); // was QUEUED with a zero count: the merge total is zero
                } else if (cnt < 0) {
                    broken(o, cnt);
                }
                return;
            }
        }
    }

    /** A non-owner's decref: CAS on the shared word. */
    private static void decrefShared(PyObject o, int c) {
        if (c == FREED) {
            broken(o, c);
            return;
        }
        for (;;) {
            int s = (int) SHARED.getVolatile(o);
            int state = s & SH_MASK;
            int cnt = (s >> SH_SHIFT) - 1;
            boolean queue = state == SH_NORMAL && cnt < 0;
            int ns = (cnt << SH_SHIFT) | (queue ? SH_QUEUED : state);
            if (SHARED.compareAndSet(o, s, ns)) {
                if (state == SH_MERGED) {
                    if (cnt == 0) {
                        dealloc(o);
                    } else if (cnt < 0) {
                        broken(o, o.refcnt == FREED ? FREED : cnt);
                    }
                } else if (queue) {
                    queueForOwner(o);
                }
                return;
            }
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong QUEUED_TOTAL = new java.util.concurrent.atomic.AtomicLong();

    /** The object just became QUEUED: hand it to its owner, or merge it now if the owner is gone. */
    private static void queueForOwner(PyObject o) {
        int owner = o.refOwner;
        ThreadState ts = owner == 0 ? null : ThreadState.byId(owner);
        if (ThreadState.isDeadOwner(ts)) {
            mergeQueuedObject(o, owner);
            return;
        }
        ts.refMergeQueue.add(o);
        QUEUED_TOTAL.incrementAndGet();
        EvalBreaker.set(EvalBreaker.MERGE_REFS);
        // The owner may have exited after our check and drained before our add: drain for it.
        if (ThreadState.isDeadOwner(ts)) mergeQueued(ts);
    }

    /**
     * Merges the objects queued for {@code ts} (biased policy): folds their owner's local counts
     * into the shared words, deallocating those whose total is zero. Called by the owner at an
     * eval-breaker check (MERGE_REFS) and at thread exit, or by any thread once the owner is dead.
     * May run finalizers. Does nothing under the other policies.
     */
    public static void mergeQueued(ThreadState ts) {
        if (POLICY != BIASED) return;
        int n = 0;
        PyObject o;
        while ((o = ts.refMergeQueue.poll()) != null) {
            n++;
            mergeQueuedObject(o, ts.id);
        }
        if (n > 0 && QUEUED_TOTAL.addAndGet(-n) <= 0) {
            EvalBreaker.clear(EvalBreaker.MERGE_REFS);
            if (QUEUED_TOTAL.get() > 0) EvalBreaker.set(EvalBreaker.MERGE_REFS);
        }
    }

    /**
     * Biased policy: folds the owner's local count into the shared word now and gives the object
     * up (MERGED), so that any thread's decrefs can then deallocate it. Only legal while the owner
     * cannot count: the world is stopped ({@code StopTheWorld}), the owner is dead, or the caller
     * is the owner. Used by the cycle collector on its garbage before taking its temporary
     * references. Never deallocates, even at a zero total: the caller must incref and later
     * decref (which then frees it). No-op under the other policies.
     */
    public static void explicitMerge(PyObject o) {
        if (POLICY != BIASED) return;
        for (;;) {
            int s = (int) SHARED.getVolatile(o);
            if ((s & SH_MASK) == SH_MERGED) return;
            int local = o.refcnt;
            if (local == FREED || local >= IMMORTAL) return;
            int cnt = (s >> SH_SHIFT) + local;
            if (SHARED.compareAndSet(o, s, (cnt << SH_SHIFT) | SH_MERGED)) {
                o.refOwner = 0;
                o.refcnt = 0;
                return;
            }
        }
    }

    /** Objects waiting in merge queues, process-wide (biased policy; for tests and stats). */
    public static long queuedForMerge() {
        return QUEUED_TOTAL.get();
    }

    /** Folds the local count of a QUEUED object owned by {@code owner} (see the class comment). */
    private static void mergeQueuedObject(PyObject o, int owner) {
        for (;;) {
            int s = (int) SHARED.getVolatile(o);
            if ((s & SH_MASK) != SH_QUEUED) return; // merged meanwhile, or freed and reset
            // Read after the shared word: a re-owned (resurrected) object shows its new owner.
            if (o.refOwner != owner || owner == 0) return;
            int local = o.refcnt;
            if (local == FREED || local >= IMMORTAL) return;
            int cnt = (s >> SH_SHIFT) + local;
            if (SHARED.compareAndSet(o, s, (cnt << SH_SHIFT) | SH_MERGED)) {
                o.refOwner = 0;
                o.refcnt = 0;
                if (cnt == 0) {
                    dealloc(o);
                } else if (cnt < 0) {
                    broken(o, cnt);
                }
                return;
            }
        }
    }

    /** The count sys.getrefcount reports (before its own argument reference is subtracted). */
    public static long count(PyObject o) {
        int c = o.refcnt;
        if (c >= IMMORTAL) return IMMORTAL_REPORTED;
        if (POLICY == BIASED && c != FREED) {
            int s = (int) SHARED.getVolatile(o);
            if ((s & SH_MASK) == SH_MERGED) return s >> SH_SHIFT;
            return (long) o.refcnt + (s >> SH_SHIFT);
        }
        return c;
    }

    public static boolean isImmortal(PyObject o) {
        return o.refcnt >= IMMORTAL;
    }

    public static boolean isFreed(PyObject o) {
        return o.refcnt == FREED;
    }

    /** Makes {@code o} immortal (PEP 683): its count never changes again. */
    public static <T extends PyObject> T immortalize(T o) {
        o.refcnt = IMMORTAL + (IMMORTAL >> 1);
        o.refOwner = 0;
        if (o instanceof PyGcObject g) Gc.untrack(g);
        return o;
    }

    private static volatile int sink;

    private static void widen() {
        // Lab mode: hold the read value for a while so another core can interleave.
        for (int i = 0; i < 64; i++) sink += i;
        Thread.onSpinWait();
    }

    // ---- death ----------------------------------------------------------------------------

    /** Finalizer hook (__del__), installed by the type system; returns nothing. */
    public interface Finalizer {
        /** Runs {@code o}'s __del__ if its type has one; must not throw. */
        void finalizeObject(PyObject o);
    }

    /** Weak reference hook, installed by the weakref implementation. */
    public interface WeakRefClearer {
        /** Clears the weak references to {@code o} and runs their callbacks; must not throw. */
        void clearWeakRefs(PyObject o);
    }

    /** Fatal-error hook: prints the CPython-style fatal message and ends the process. */
    public interface FatalHandler {
        void fatal(String message);
    }

    public static volatile Finalizer finalizer = o -> {};
    public static volatile WeakRefClearer weakRefClearer = o -> {};
    private static final Object FATAL_LOCK = new Object();

    /** Default: print and halt with status 134. Racing threads print one message: the first
     * halts while the others wait for the monitor. */
    public static volatile FatalHandler fatalHandler = msg -> {
        synchronized (FATAL_LOCK) {
            System.err.println("Fatal Python error: " + msg);
            System.err.flush();
            Runtime.getRuntime().halt(134);
        }
    };

    private static final int MAX_DEPTH = 64;
    private static final ThreadLocal<Trashcan> TRASH = ThreadLocal.withInitial(Trashcan::new);

    private static final class Trashcan {
        int depth;
        final ArrayDeque<PyObject> pending = new ArrayDeque<>();
    }

    /** Called when the count reaches zero. */
    static void dealloc(PyObject o) {
        if (LAB) {
            // Two racing decrefs both saw 1: the second deallocation is a use-after-free.
            int f = (int) FLAGS.getAndBitwiseOr(o, FLAG_DEALLOCATED);
            if ((f & FLAG_DEALLOCATED) != 0 && o.refcnt <= 0) {
                broken(o, FREED);
                return;
            }
        }
        if (!(o instanceof PyGcObject g)) {
            // Atoms hold no references: no finalizer, no recursion.
            if ((o.objFlags & (FLAG_HAS_WEAKREFS | FLAG_HAS_ID)) != 0) afterDeath(o);
            markFreed(o);
            return;
        }
        Trashcan t = TRASH.get();
        if (t.depth >= MAX_DEPTH) {
            t.pending.add(o);
            return;
        }
        t.depth++;
        try {
            destroy(g);
            if (t.depth == 1) {
                PyObject next;
                while ((next = t.pending.poll()) != null) destroy((PyGcObject) next);
            }
        } finally {
            t.depth--;
        }
    }

    private static void destroy(PyGcObject o) {
        if ((o.objFlags & FLAG_FINALIZED) == 0 && o.type().hasFinalizer()) {
            o.objFlags |= FLAG_FINALIZED;
            // Temporarily resurrect so that __del__ can use the object.
            setCount(o, 1);
            finalizer.finalizeObject(o);
            if (releaseResurrection(o)) {
                // __del__ stored a new reference: the object lives (and may die again later).
                if (LAB) FLAGS.getAndBitwiseAnd(o, ~FLAG_DEALLOCATED);
                return;
            }
        }
        Gc.untrack(o);
        if ((o.objFlags & (FLAG_HAS_WEAKREFS | FLAG_HAS_ID)) != 0) afterDeath(o);
        o.releaseReferences();
        markFreed(o);
    }

    private static void setCount(PyObject o, int c) {
        if (POLICY == BIASED) {
            // Re-owned by the deallocating thread; the volatile write publishes the owner before
            // anyone can see the new shared word (see mergeQueuedObject).
            o.refOwner = ownerTag();
            SHARED.setVolatile(o, 0);
        }
        o.refcnt = c;
    }

    /** Drops the temporary reference taken around __del__; true if the object was resurrected. */
    private static boolean releaseResurrection(PyObject o) {
        if (POLICY == BIASED) {
            if (o.refOwner == myTag()) {
                int c = --o.refcnt;
                if (c != 0) return true;
                // As mergeZeroLocal, without deallocating: the caller goes on freeing.
                for (;;) {
                    int s = (int) SHARED.getVolatile(o);
                    if (s == 0) {
                        o.refOwner = 0;
                        return false;
                    }
                    int cnt = s >> SH_SHIFT;
                    if (SHARED.compareAndSet(o, s, (cnt << SH_SHIFT) | SH_MERGED)) {
                        o.refOwner = 0;
                        return cnt != 0;
                    }
                }
            }
            for (;;) {
                // Not reachable today (setCount makes us the owner); stay exact anyway.
                int s = (int) SHARED.getVolatile(o);
                int ns = s - SH_ONE;
                if (SHARED.compareAndSet(o, s, ns)) return (ns >> SH_SHIFT) + (((s & SH_MASK) == SH_MERGED) ? 0 : o.refcnt) != 0;
            }
        }
        if (POLICY == ATOMIC) {
            return (int) REFCNT.getAndAdd(o, -1) - 1 != 0;
        }
        return --o.refcnt != 0;
    }

    private static void afterDeath(PyObject o) {
        if ((o.objFlags & FLAG_HAS_WEAKREFS) != 0) {
            o.objFlags &= ~FLAG_HAS_WEAKREFS;
            weakRefClearer.clearWeakRefs(o);
        }
        if ((o.objFlags & FLAG_HAS_ID) != 0) {
            synchronized (IDS) {
                IDS.remove(o);
            }
        }
    }

    private static void markFreed(PyObject o) {
        o.refcnt = FREED;
        if (COUNT_TOTALS) LIVE_BLOCKS.decrement();
    }

    /** A count went wrong: freed object touched, or a count below zero. Never returns. */
    static void broken(PyObject o, int c) {
        String what;
        String tn;
        try {
            tn = o.type().name();
        } catch (RuntimeException e) {
            tn = o.getClass().getSimpleName();
        }
        if (c == FREED || (c < 0 && c < FREED / 2)) {
            what = "use-after-free of <" + tn + " object at 0x" + Long.toHexString(id(o)) + ">";
        } else {
            what = "negative refcount (" + c + ") of <" + tn + " object at 0x" + Long.toHexString(id(o)) + ">";
        }
        fatalHandler.fatal(what);
        throw new IllegalStateException(what);
    }

    // ---- identity -------------------------------------------------------------------------

    private static final IdentityHashMap<PyObject, Long> IDS = new IdentityHashMap<>();
    private static long nextId = 0x7f3a_0000_0000L;

    /**
     * The object's id(): unique among live objects, stable for its life, formatted like an
     * address. Assigned on first request.
     */
    public static long id(PyObject o) {
        synchronized (IDS) {
            Long v = IDS.get(o);
            if (v == null) {
                nextId += 0x30;
                v = nextId;
                IDS.put(o, v);
                o.objFlags |= FLAG_HAS_ID;
            }
            return v;
        }
    }

    // ---- totals for -X showrefcount -------------------------------------------------------

    private static final LongAdder TOTAL_REFS = new LongAdder();
    private static final LongAdder LIVE_BLOCKS = new LongAdder();

    public static void onAllocate(PyObject o) {
        TOTAL_REFS.increment();
        LIVE_BLOCKS.increment();
    }

    /** {@code [N refs, M blocks]} as a CPython debug build prints at exit. */
    public static String showRefcountLine() {
        return "[" + TOTAL_REFS.sum() + " refs, " + LIVE_BLOCKS.sum() + " blocks]";
    }

    public static long totalRefs() {
        return TOTAL_REFS.sum();
    }

    public static long liveBlocks() {
        return LIVE_BLOCKS.sum();
    }
}
