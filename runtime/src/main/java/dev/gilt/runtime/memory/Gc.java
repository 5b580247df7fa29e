package dev.gilt.runtime.memory;

import dev.gilt.runtime.Config;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.thread.StopTheWorld;
import java.util.ArrayList;
import java.util.List;

/**
 * The cycle collector (CPython's gcmodule, single generation list with CPython's counters).
 *
 * <h2>Protocol</h2>
 * Every {@link PyGcObject} is linked into one intrusive list at construction and unlinked when it
 * dies. {@link #collect()} finds unreachable cycles by trial deletion: copy each tracked object's
 * count, subtract the references that tracked objects hold to each other, and whatever still has a
 * positive count is referenced from outside (a frame, a global, a Java field); everything reachable
 * from those survives. The rest is garbage: finalizers (__del__, PEP 442) run once, objects that a
 * finalizer resurrected survive, weak references are cleared, and the remaining objects release
 * their references, which frees them through the ordinary refcount path.
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>The list and counters are touched only under {@link #LOCK} when the GIL is off; with the
 *       GIL on, the GIL protects them (no lock is taken).
 *   <li>A collection with the GIL off must run with the world stopped (the caller arranges it
 *       through the eval breaker); this class does not stop threads itself.
 *   <li>During a collection every garbage object holds one extra temporary reference, so nothing
 *       is freed while the collector still walks the set.
 * </ul>
 */
public final class Gc {
    private Gc() {}

    private static final Object LOCK = new Object();
    /** Sentinel head of the circular list. */
    private static final PyGcObject HEAD = new Head();

    static {
        HEAD.gcNext = HEAD;
        HEAD.gcPrev = HEAD;
    }

    private static volatile boolean enabled = true;
    private static int threshold0 = 2000, threshold1 = 10, threshold2 = 0;
    private static int count0, count1, count2;
    private static volatile boolean collecting;
    private static long collections;
    private static long collected;
    private static long uncollectable;

    /** Called when a generation-0 threshold is crossed; the VM sets its eval breaker bit. */
    public static volatile Runnable collectRequest = () -> {};

    public static void track(PyGcObject o) {
        if (!Config.GIL_ENABLED) {
            synchronized (LOCK) {
                link(o);
            }
        } else {
            link(o);
        }
    }

    private static void link(PyGcObject o) {
        if (o.gcNext != null) return;
        PyGcObject last = HEAD.gcPrev;
        o.gcPrev = last;
        o.gcNext = HEAD;
        last.gcNext = o;
        HEAD.gcPrev = o;
        if (++count0 > threshold0 && enabled && threshold0 > 0 && !collecting) {
            collectRequest.run();
        }
    }

    public static void untrack(PyGcObject o) {
        if (!Config.GIL_ENABLED) {
            synchronized (LOCK) {
                unlink(o);
            }
        } else {
            unlink(o);
        }
    }

    private static void unlink(PyGcObject o) {
        if (o.gcNext == null) return;
        o.gcPrev.gcNext = o.gcNext;
        o.gcNext.gcPrev = o.gcPrev;
        o.gcNext = null;
        o.gcPrev = null;
        if (count0 > 0) count0--;
    }

    public static boolean isTracked(PyObject o) {
        return o instanceof PyGcObject g && g.gcNext != null;
    }

    public static boolean isEnabled() {
        return enabled;
    }

    public static void setEnabled(boolean on) {
        enabled = on;
    }

    public static int[] getCount() {
        return new int[] {count0, count1, count2};
    }

    public static int[] getThreshold() {
        return new int[] {threshold0, threshold1, threshold2};
    }

    public static void setThreshold(int t0, int t1, int t2) {
        threshold0 = t0;
        threshold1 = t1;
        threshold2 = t2;
    }

    /** Every tracked object, for gc.get_objects(); new references are not taken. */
    public static List<PyObject> trackedObjects() {
        List<PyObject> out = new ArrayList<>();
        for (PyGcObject o = HEAD.gcNext; o != HEAD; o = o.gcNext) out.add(o);
        return out;
    }

    public static long collections() {
        return collections;
    }

    public static long totalCollected() {
        return collected;
    }

    public static long totalUncollectable() {
        return uncollectable;
    }

    /** Runs a full collection; returns the number of unreachable objects found. */
    public static int collect() {
        if (!Config.GIL_ENABLED) {
            synchronized (LOCK) {
                return collectLocked();
            }
        }
        return collectLocked();
    }

    private static int collectLocked() {
        if (collecting) return 0;
        collecting = true;
        try {
            List<PyGcObject> all = new ArrayList<>();
            for (PyGcObject o = HEAD.gcNext; o != HEAD; o = o.gcNext) all.add(o);
            List<PyGcObject> garbage = unreachable(all);
            collections++;
            count0 = 0;
            count1 = 0;
            if (garbage.isEmpty()) return 0;
            // Hold every garbage object so nothing is freed while we work.
            // Biased counts with the world stopped: merge first, so that this thread's decrefs
            // free the garbage now instead of queueing it for owners that are parked.
            if (RefCount.POLICY == RefCount.BIASED && StopTheWorld.worldStoppedByCurrentThread()) {
                for (PyGcObject o : garbage) RefCount.explicitMerge(o);
            }
            for (PyGcObject o : garbage) RefCount.incref(o);
            // As CPython's handle_weakrefs: weak references to garbage are cleared (and their
            // callbacks run) before any finalizer, so __del__ never sees a live weakref to garbage.
            for (PyGcObject o : garbage) {
                if ((o.objFlags & RefCount.FLAG_HAS_WEAKREFS) != 0) {
                    o.objFlags &= ~RefCount.FLAG_HAS_WEAKREFS;
                    RefCount.weakRefClearer.clearWeakRefs(o);
                }
            }
            // PEP 442: finalizers run once, then reachability is checked again.
            boolean ranFinalizer = false;
            for (PyGcObject o : garbage) {
                if ((o.objFlags & RefCount.FLAG_FINALIZED) == 0 && o.type().hasFinalizer()) {
                    o.objFlags |= RefCount.FLAG_FINALIZED;
                    RefCount.finalizer.finalizeObject(o);
                    ranFinalizer = true;
                }
            }
            if (ranFinalizer) {
                // Objects referenced from outside the garbage set now were resurrected.
                List<PyGcObject> still = unreachableWithin(garbage);
                for (PyGcObject o : garbage) {
                    if (!still.contains(o)) RefCount.decref(o);
                }
                garbage = still;
            }
            int n = garbage.size();
            collected += n;
            for (PyGcObject o : garbage) o.releaseReferences();
            for (PyGcObject o : garbage) RefCount.decref(o);
            return n;
        } finally {
            collecting = false;
        }
    }

    /** Trial deletion over {@code set}: the members not reachable from outside it. */
    private static List<PyGcObject> unreachable(List<PyGcObject> set) {
        final int MARK = Integer.MIN_VALUE;
        for (PyGcObject o : set) o.gcRefs = (int) Math.min(Integer.MAX_VALUE - 1, RefCount.count(o));
        for (PyGcObject o : set) {
            o.traverse(r -> {
                if (r instanceof PyGcObject g && g.gcNext != null && g.gcRefs > 0) g.gcRefs--;
            });
        }
        ArrayList<PyGcObject> stack = new ArrayList<>();
        for (PyGcObject o : set) {
            if (o.gcRefs > 0) {
                o.gcRefs = MARK;
                stack.add(o);
            }
        }
        while (!stack.isEmpty()) {
            PyGcObject o = stack.remove(stack.size() - 1);
            o.traverse(r -> {
                if (r instanceof PyGcObject g && g.gcNext != null && g.gcRefs != MARK) {
                    g.gcRefs = MARK;
                    stack.add(g);
                }
            });
        }
        List<PyGcObject> out = new ArrayList<>();
        for (PyGcObject o : set) {
            if (o.gcRefs != MARK && !RefCount.isImmortal(o)) out.add(o);
        }
        for (PyGcObject o : set) o.gcRefs = 0;
        return out;
    }

    /** Trial deletion restricted to the garbage set after finalizers (one temp ref each). */
    private static List<PyGcObject> unreachableWithin(List<PyGcObject> set) {
        java.util.Set<PyGcObject> members = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        members.addAll(set);
        final int MARK = Integer.MIN_VALUE;
        for (PyGcObject o : set) o.gcRefs = (int) Math.min(Integer.MAX_VALUE - 1, RefCount.count(o)) - 1;
        for (PyGcObject o : set) {
            o.traverse(r -> {
                if (r instanceof PyGcObject g && members.contains(g) && g.gcRefs > 0) g.gcRefs--;
            });
        }
        ArrayList<PyGcObject> stack = new ArrayList<>();
        for (PyGcObject o : set) {
            if (o.gcRefs > 0) {
                o.gcRefs = MARK;
                stack.add(o);
            }
        }
        while (!stack.isEmpty()) {
            PyGcObject o = stack.remove(stack.size() - 1);
            o.traverse(r -> {
                if (r instanceof PyGcObject g && members.contains(g) && g.gcRefs != MARK) {
                    g.gcRefs = MARK;
                    stack.add(g);
                }
            });
        }
        List<PyGcObject> out = new ArrayList<>();
        for (PyGcObject o : set) if (o.gcRefs != MARK) out.add(o);
        for (PyGcObject o : set) o.gcRefs = 0;
        return out;
    }

    private static final class Head extends PyGcObject {
        Head() {
            super(false);
        }

        @Override
        public dev.gilt.runtime.object.PyType type() {
            throw new IllegalStateException("gc list head has no type");
        }
    }
}
