package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/**
 * Every Gilt value. Java's GC reclaims memory; the reference count decides when an object dies in
 * the language (see DESIGN.md "Reference counting" and {@link RefCount}).
 *
 * <p>Refcount conventions, the same as CPython's C API, which every Java method of the runtime
 * follows unless its Javadoc says otherwise:
 * <ul>
 *   <li>arguments are <em>borrowed</em>: a callee that keeps an argument (stores it in a container,
 *       a field, a frame) increfs it;
 *   <li>a returned {@code PyObject} is a <em>new</em> reference: the caller owns it and must either
 *       store it or decref it; returning a borrowed value is written {@code RefCount.newRef(x)};
 *   <li>a method that "steals" a reference says so in its name ({@code appendSteal}) or Javadoc;
 *   <li>immortal objects (None, True, False, small ints, interned strings, types) ignore counting,
 *       so code may skip increfs on them, but never needs to.
 * </ul>
 * When in doubt, prefer a leak (a missing decref: the object lives on, Java's GC still frees it)
 * over a premature free (an extra decref: a fatal use-after-free report).
 *
 * <p>Layout: header, then four ints (the refcount words used by the policies and a flag word), so
 * a bare object is 32 bytes with compressed oops.
 */
public abstract class PyObject {
    /** The count (plain, atomic) or the owner thread's local count (biased). Never touch directly:
     * use {@link RefCount}. */
    public int refcnt = 1;
    /** Biased policy only: the count kept atomically by non-owner threads. */
    public int refShared;
    /** Biased policy only: id of the owning thread state; 0 = unowned (merged / shared). */
    public int refOwner = RefCount.ownerTag();
    /** Flag bits owned by {@link RefCount} (has weakrefs, finalized, has id, ...). */
    public int objFlags;

    protected PyObject() {
        if (RefCount.COUNT_TOTALS) {
            RefCount.onAllocate(this);
        }
    }

    /** The Python type; never null. Classes whose type is fixed return a constant. */
    public abstract PyType type();

    /**
     * Releases every reference this object holds (CPython's tp_clear plus tp_dealloc's decrefs).
     * Called once, by {@link RefCount} when the count reaches zero (after any finalizer ran), or
     * by the cycle collector. Must leave the object safe to call again (idempotent).
     */
    public void releaseReferences() {}

    /**
     * Visits every PyObject this object holds a counted reference to (CPython's tp_traverse), for
     * the cycle collector. Objects that can hold references (see {@link PyGcObject}) override it.
     */
    public void traverse(Visitor v) {}

    @FunctionalInterface
    public interface Visitor {
        void visit(PyObject referent);
    }

    /**
     * Java-side text for debugging; never Python's repr() or str() (see Ops.repr / Ops.str).
     */
    @Override
    public String toString() {
        return "<" + type().name() + " object at 0x" + Long.toHexString(RefCount.id(this)) + ">";
    }
}
