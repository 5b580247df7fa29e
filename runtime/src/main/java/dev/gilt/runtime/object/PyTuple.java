package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/** {@code tuple}: an immutable array of references, each owned by the tuple. */
public class PyTuple extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("tuple", PyTuple.class);
    public static final PyTuple EMPTY = RefCount.immortalize(new PyTuple(new PyObject[0]));

    /** The items; never mutated once the tuple is visible to Python code. */
    public final PyObject[] items;

    /** Steals: takes ownership of one reference to each element of {@code items}. */
    protected PyTuple(PyObject[] items) {
        this.items = items;
    }

    /** A new tuple that steals the references in {@code items}. */
    public static PyTuple steal(PyObject... items) {
        if (items.length == 0) return EMPTY;
        return new PyTuple(items);
    }

    /** A new tuple holding new references to {@code items} (borrowed). */
    public static PyTuple of(PyObject... items) {
        if (items.length == 0) return EMPTY;
        for (PyObject o : items) RefCount.incref(o);
        return new PyTuple(items.clone());
    }

    public int size() {
        return items.length;
    }

    /** Borrowed item. */
    public PyObject get(int i) {
        return items[i];
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public void traverse(Visitor v) {
        for (PyObject o : items) if (o != null) v.visit(o);
    }

    @Override
    public void releaseReferences() {
        for (int i = 0; i < items.length; i++) {
            PyObject o = items[i];
            if (o != null) {
                items[i] = null;
                RefCount.decref(o);
            }
        }
    }
}
