package dev.gilt.runtime.memory;

import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyObject;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 *   <li>{@code biased}: the owning thread (recorded at allocation in {@code refOwner}) counts
 *       non-atomically in {@code refcnt}; other threads count atomically in {@code refShared}.
 *       The object is dead when the sum reaches zero; when the owner's local count reaches zero
 *       while others still hold references, the owner gives the object up ({@code refOwner = 0})
 *       and folds its count into the shared word, after which all threads count atomically.
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
    public static final int POLICY = parsePolicy(System.getProperty("gilt.refcount", "plain"));
    /** Lab switch {@code -X refrace=widen}: spin between read and write of a plain count. */
    public static final boolean WIDEN = "widen".equals(System.getProperty("gilt.refrace"));
    /** {@code -X showrefcount}: keep process-wide totals of references and live objects. */
    public static final boolean COUNT_TOTALS = Boolean.getBoolean("gilt.showrefcount");

    public static final int FLAG_HAS_WEAKREFS = 1, FLAG_FINALIZED = 2, FLAG_HAS_ID = 4;

    private static final VarHandle REFCNT, SHARED;

    static {
        try {
            var l = MethodHandles.lookup();
            REFCNT = MethodHandles.privateLookupIn(PyObject.class, l).findVarHandle(PyObject.class, "refcnt", int.class);
            SHARED = MethodHandles.privateLookupIn(PyObject.class, l).findVarHandle(PyObject.class, "refShared", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
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

    private static final ThreadLocal<int[]> OWNER = ThreadLocal.withInitial(() -> new int[] {0});
    private static final AtomicInteger NEXT_OWNER = new AtomicInteger(1);

    /** The current thread's owner tag (biased policy), 0 under the other policies. */
    public static int ownerTag() {
        if (POLICY != BIASED) return 0;
        int[] slot = OWNER.get();
        int t = slot[0];
        if (t == 0) {
            t = NEXT_OWNER.getAndIncrement();
            slot[0] = t;
        }
        return t;
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
            int c = (int) REFCNT.getAndAdd(o, 1);
            if (c <= 0 || c >= IMMORTAL) {
                REFCNT.getAndAdd(o, -1);
                increfSlow(o, c);
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
                broken(o, c);
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
        broken(o, c);
    }

    private static void decrefSlow(PyObject o, int c) {
        if (c >= IMMORTAL) return;
        if (c == 1) {
            if (WIDEN) widen();
            o.refcnt = 0;
            dealloc(o);
            return;
        }
        broken(o, c);
    }

    private static void increfBiased(PyObject o) {
        int c = o.refcnt;
        if (c >= IMMORTAL) return;
        if (o.refOwner != 0 && o.refOwner == ownerTag()) {
            if (c < 0) broken(o, c);
            o.refcnt = c + 1;
        } else {
            if (c == FREED) broken(o, c);
            SHARED.getAndAdd(o, 1);
        }
    }

    private static void decrefBiased(PyObject o) {
        int c = o.refcnt;
        if (c >= IMMORTAL) return;
        if (o.refOwner != 0 && o.refOwner == ownerTag()) {
            if (c <= 0) {
                broken(o, c);
                return;
            }
            o.refcnt = --c;
            if (c == 0) {
                // The owner is done with it: give the object up and decide on the merged total.
                o.refOwner = 0;
                int shared = (int) SHARED.getAndAdd(o, 0);
                if (shared == 0) {
                    dealloc(o);
                } else {
                    // Fold: others hold references; the object is now counted only in refShared.
                    // refcnt stays 0 and is no longer read for unowned objects.
                    if (shared < 0) broken(o, shared);
                }
            }
        } else {
            if (c == FREED) {
                broken(o, c);
                return;
            }
            int s = (int) SHARED.getAndAdd(o, -1) - 1;
            // Unowned: the object dies when the shared count reaches zero and the local is zero.
            if (s == 0 && o.refOwner == 0 && o.refcnt == 0) {
                dealloc(o);
            } else if (s < 0 && o.refOwner == 0 && o.refcnt == 0) {
                broken(o, s);
            }
        }
    }

    /** The count sys.getrefcount reports (before its own argument reference is subtracted). */
    public static long count(PyObject o) {
        int c = o.refcnt;
        if (c >= IMMORTAL) return IMMORTAL_REPORTED;
        if (POLICY == BIASED) return (long) c + (int) SHARED.getVolatile(o);
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
    public static volatile FatalHandler fatalHandler = msg -> {
        System.err.println("Fatal Python error: " + msg);
        System.err.flush();
        Runtime.getRuntime().halt(134);
    };

    private static final int MAX_DEPTH = 64;
    private static final ThreadLocal<Trashcan> TRASH = ThreadLocal.withInitial(Trashcan::new);

    private static final class Trashcan {
        int depth;
        final ArrayDeque<PyObject> pending = new ArrayDeque<>();
    }

    /** Called when the count reaches zero. */
    static void dealloc(PyObject o) {
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
            if (releaseResurrection(o)) return; // __del__ stored a new reference: the object lives
        }
        Gc.untrack(o);
        if ((o.objFlags & (FLAG_HAS_WEAKREFS | FLAG_HAS_ID)) != 0) afterDeath(o);
        o.releaseReferences();
        markFreed(o);
    }

    private static void setCount(PyObject o, int c) {
        if (POLICY == BIASED) {
            o.refOwner = ownerTag();
            SHARED.setVolatile(o, 0);
        }
        o.refcnt = c;
    }

    /** Drops the temporary reference taken around __del__; true if the object was resurrected. */
    private static boolean releaseResurrection(PyObject o) {
        if (POLICY == BIASED) {
            if (o.refOwner == ownerTag()) {
                int c = --o.refcnt;
                if (c == 0) {
                    o.refOwner = 0;
                    if ((int) SHARED.getVolatile(o) != 0) return true;
                    return false;
                }
                return true;
            }
            return (int) SHARED.getAndAdd(o, -1) - 1 != 0;
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
