package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The weak reference side table: for each object that has weak references, the list of them
 * (oldest first). An object with an entry has {@link RefCount#FLAG_HAS_WEAKREFS} set, so its
 * death calls {@link #clearWeakRefs} (installed as {@link RefCount#weakRefClearer}), which clears
 * every reference and then calls the callbacks, newest first, each with its weakref as argument.
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>A weak reference holds its referent in a plain Java field but never counts it.
 *   <li>The table and the lists change only under {@link #LOCK}; callbacks run outside it.
 *   <li>A weakref that dies removes itself from its referent's list.
 * </ul>
 */
public final class WeakRefs {
    private WeakRefs() {}

    private static final Object LOCK = new Object();
    private static final IdentityHashMap<PyObject, List<PyWeakRef>> TABLE = new IdentityHashMap<>();

    /** Raises CPython's TypeError unless {@code obj} can be weakly referenced. */
    /**
     * Builtin types of other rooms that CPython lets be weakly referenced, for when their owner
     * did not set {@link PyType#WEAKREFABLE} (the flag is then set on first use).
     */
    private static final java.util.Set<String> REFERENCEABLE = java.util.Set.of("function", "method", "generator",
            "coroutine", "async_generator", "code", "set", "frozenset", "module", "type", "builtin_function_or_method",
            "classmethod", "staticmethod", "property", "_thread.lock", "_thread.RLock", "frame", "cell");

    static void checkReferenceable(PyObject obj) {
        PyType t = obj.type();
        if ((t.flags & PyType.WEAKREFABLE) == 0 && !t.isHeapType() && REFERENCEABLE.contains(t.name())) {
            t.flags |= PyType.WEAKREFABLE;
        }
        if ((obj.type().flags & PyType.WEAKREFABLE) == 0) {
            throw Errors.typeError("cannot create weak reference to '%s' object", obj.type().name());
        }
    }

    /** Registers a new weak reference (already constructed) to its referent. */
    static void register(PyWeakRef r) {
        synchronized (LOCK) {
            TABLE.computeIfAbsent(r.referent, k -> new ArrayList<>(2)).add(r);
            r.referent.objFlags |= RefCount.FLAG_HAS_WEAKREFS;
        }
    }

    /** An existing reference to reuse for {@code weakref.ref(obj)} without callback (exact type), or null. */
    static PyWeakRef findBasic(PyObject obj, PyType type) {
        synchronized (LOCK) {
            List<PyWeakRef> l = TABLE.get(obj);
            if (l == null) return null;
            for (PyWeakRef r : l) {
                if (r.callback == null && r.type() == type && !RefCount.isFreed(r) && r.refcnt > 0) return r;
            }
            return null;
        }
    }

    static void unregister(PyWeakRef r) {
        synchronized (LOCK) {
            PyObject o = r.referent;
            if (o == null) return;
            List<PyWeakRef> l = TABLE.get(o);
            if (l == null) return;
            l.remove(r);
            if (l.isEmpty()) {
                TABLE.remove(o);
                o.objFlags &= ~RefCount.FLAG_HAS_WEAKREFS;
            }
        }
    }

    /** The referent died: clear every weak reference to it, then run the callbacks. */
    static void clearWeakRefs(PyObject o) {
        List<PyWeakRef> l;
        synchronized (LOCK) {
            l = TABLE.remove(o);
            if (l == null) return;
            for (PyWeakRef r : l) r.referent = null;
        }
        for (int i = l.size() - 1; i >= 0; i--) {
            PyWeakRef r = l.get(i);
            PyObject cb = r.callback;
            if (cb == null || RefCount.isFreed(r) || r.refcnt <= 0) continue;
            r.callback = null;
            RefCount.incref(r);
            try {
                PyObject res = dev.gilt.runtime.ops.Ops.call(cb, r);
                RefCount.decref(res);
            } catch (PyException e) {
                Unraisable.report(cb, e);
            } finally {
                RefCount.decref(cb);
                RefCount.decref(r);
            }
        }
    }

    /** {@code weakref.getweakrefcount(obj)}. */
    public static int getWeakRefCount(PyObject obj) {
        synchronized (LOCK) {
            List<PyWeakRef> l = TABLE.get(obj);
            return l == null ? 0 : l.size();
        }
    }

    /** {@code weakref.getweakrefs(obj)}: a new list of the live weak references to obj. */
    public static PyList getWeakRefs(PyObject obj) {
        List<PyWeakRef> copy;
        synchronized (LOCK) {
            List<PyWeakRef> l = TABLE.get(obj);
            copy = l == null ? List.of() : new ArrayList<>(l);
        }
        PyList out = new PyList(copy.size());
        for (PyWeakRef r : copy) out.append(r);
        return out;
    }

    /** The oldest weak reference to {@code obj} (new reference), or null: {@code obj.__weakref__}. */
    static PyObject firstRef(PyObject obj) {
        synchronized (LOCK) {
            List<PyWeakRef> l = TABLE.get(obj);
            if (l == null || l.isEmpty()) return null;
            return RefCount.newRef(l.get(0));
        }
    }

    static PyObject noneIfNull(PyObject o) {
        return o == null ? PyNone.NONE : o;
    }
}
