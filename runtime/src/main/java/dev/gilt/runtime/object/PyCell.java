package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/**
 * {@code cell}: the box that holds a variable shared between a function and the functions nested
 * in it (a cellvar / freevar), and the {@code __class__} cell that {@code type.__new__} fills for
 * zero-argument {@code super()} (the {@code __classcell__} protocol).
 *
 * <p>Refcounts: the cell owns one reference to its contents. {@link #get} returns a borrowed
 * reference (null when empty); {@link #set} increfs the new value and decrefs the old one.
 * The type's slots (repr, comparison, {@code cell_contents}) are installed by the type system
 * ({@code dev.gilt.runtime.types.CellMethods}).
 */
public final class PyCell extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("cell", PyCell.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
    }

    /** The contents (owned), or null when the cell is empty. */
    private PyObject contents;

    /** An empty cell. */
    public PyCell() {}

    /** A cell holding {@code value} (borrowed; the cell takes its own reference). */
    public PyCell(PyObject value) {
        RefCount.xincref(value);
        this.contents = value;
    }

    /** The contents (borrowed), or null when empty. */
    public PyObject get() {
        return contents;
    }

    /** Replaces the contents; {@code value} is borrowed (may be null to empty the cell). */
    public void set(PyObject value) {
        RefCount.xincref(value);
        PyObject old = contents;
        contents = value;
        RefCount.xdecref(old);
    }

    /** Stores {@code value} taking over the caller's reference. */
    public void setSteal(PyObject value) {
        PyObject old = contents;
        contents = value;
        RefCount.xdecref(old);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public void traverse(Visitor v) {
        if (contents != null) v.visit(contents);
    }

    @Override
    public void releaseReferences() {
        PyObject old = contents;
        contents = null;
        RefCount.xdecref(old);
    }
}
