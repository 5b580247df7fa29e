package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/**
 * Base of the builtin iterator types that Python lets users subclass (enumerate, zip, map,
 * filter, reversed). An exact instance only records its builtin type; an instance of a user
 * subclass also carries an {@link InstanceState} (its class, {@code __dict__} and
 * {@code __slots__} values). Subclasses implement {@link #traverseItems} and
 * {@link #releaseItems} for their own references.
 */
public abstract class SubclassableIterator extends PyGcObject implements HasDict {
    private final PyType exactType;
    /** Null for instances of the builtin type itself. */
    private final InstanceState st;

    protected SubclassableIterator(PyType type) {
        this.exactType = type;
        this.st = type.isHeapType() ? new InstanceState(type) : null;
    }

    @Override
    public final PyType type() {
        return st == null ? exactType : st.type;
    }

    @Override
    public PyDict getDict(boolean create) {
        return st == null ? null : st.getDict(create);
    }

    @Override
    public void setDict(PyDict d) {
        if (st != null) st.setDict(d);
    }

    @Override
    public PyObject[] slotValues() {
        return st == null ? null : st.slots;
    }

    protected abstract void traverseItems(Visitor v);

    protected abstract void releaseItems();

    @Override
    public final void traverse(Visitor v) {
        traverseItems(v);
        if (st != null) st.traverse(v);
    }

    @Override
    public final void releaseReferences() {
        releaseItems();
        if (st != null) st.release();
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
