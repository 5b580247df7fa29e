package dev.gilt.runtime.object.collections;

import dev.gilt.runtime.object.PyObject;
import java.util.ArrayList;

/**
 * Recursion guard for repr() of containers (CPython's Py_ReprEnter / Py_ReprLeave): a per-thread
 * list of the objects whose repr is being computed, so that {@code l = []; l.append(l)} prints
 * {@code [[...]]} instead of recursing forever.
 *
 * <pre>
 *   if (!ReprGuard.enter(self)) return PyStr.of("[...]");
 *   try { ... } finally { ReprGuard.exit(self); }
 * </pre>
 *
 * Thread confinement: each thread has its own list; no object is shared between threads.
 */
public final class ReprGuard {
    private ReprGuard() {}

    private static final ThreadLocal<ArrayList<PyObject>> ACTIVE = ThreadLocal.withInitial(ArrayList::new);

    /** Marks {@code o} as being repr'd; false if it already is (the caller prints "..."). */
    public static boolean enter(PyObject o) {
        ArrayList<PyObject> l = ACTIVE.get();
        for (int i = l.size() - 1; i >= 0; i--) if (l.get(i) == o) return false;
        l.add(o);
        return true;
    }

    /** Undoes a successful {@link #enter}. */
    public static void exit(PyObject o) {
        ArrayList<PyObject> l = ACTIVE.get();
        for (int i = l.size() - 1; i >= 0; i--) {
            if (l.get(i) == o) {
                l.remove(i);
                return;
            }
        }
    }
}
