package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/**
 * Base of the builtin iterator types that Python lets users subclass (enumerate, zip, map,
 * filter, reversed): the instance's type (the builtin or a user subclass) and, for subclass
 * instances, a {@code __dict__}. Subclasses implement {@link #traverseItems} and
 * {@link #releaseItems} for their own references.
 */
public abstract class SubclassableIterator extends PyGcObject {
    private final PyType type;
    /** The instance dict of a subclass instance (owned), or null. */
    public PyDict dict;

    protected SubclassableIterator(PyType type) {
        this.type = type;
    }

    @Override
    public final PyType type() {
        return type;
    }

    protected abstract void traverseItems(Visitor v);

    protected abstract void releaseItems();

    @Override
    public final void traverse(Visitor v) {
        traverseItems(v);
        if (dict != null) v.visit(dict);
    }

    @Override
    public final void releaseReferences() {
        releaseItems();
        PyDict d = dict;
        dict = null;
        RefCount.xdecref(d);
    }

    /** Fills the iterator protocol slots of an iterator type: iter returns self, next calls {@code n}. */
    static void iteratorSlots(PyType t, Slots.Next n) {
        t.iter = RefCount::newRef;
        t.next = n;
    }

    static boolean hasKeywords(PyTuple kw) {
        return kw != null && kw.size() > 0;
    }
}
