package dev.gilt.interp.vm;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code cell}: the box a closure shares with the frame that defines a variable (MAKE_CELL,
 * LOAD_DEREF, STORE_DEREF). The cell owns one reference to its contents; null means empty.
 */
public final class PyCell extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("cell", PyCell.class);

    private static final PyStr CELL_CONTENTS = PyStr.intern("cell_contents");

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.getattr = (self, name) -> {
            PyCell c = (PyCell) self;
            if (name.value.equals("cell_contents")) {
                if (c.ref == null) throw Errors.of(PyExc.ValueError, "Cell is empty");
                return RefCount.newRef(c.ref);
            }
            return VmSupport.genericGetAttr(self, name, null);
        };
        TYPE.setattr = (self, name, value) -> {
            if (!name.equals(CELL_CONTENTS) && !name.value.equals("cell_contents")) {
                throw Errors.attributeError("'cell' object has no attribute '%s'", name.value);
            }
            ((PyCell) self).set(value);
        };
        TYPE.repr = self -> {
            PyCell c = (PyCell) self;
            String at = Long.toHexString(RefCount.id(c));
            if (c.ref == null) return PyStr.of("<cell at 0x" + at + ": empty>");
            return PyStr.of("<cell at 0x" + at + ": " + c.ref.type().name() + " object at 0x"
                    + Long.toHexString(RefCount.id(c.ref)) + ">");
        };
        TYPE.richcompare = (a, b, op) -> {
            if (!(b instanceof PyCell cb)) return RefCount.newRef(PyNotImplemented.NOT_IMPLEMENTED);
            PyCell ca = (PyCell) a;
            if (ca.ref == null || cb.ref == null) {
                int x = ca.ref == null ? 0 : 1, y = cb.ref == null ? 0 : 1;
                return PyBool.of(switch (op) {
                    case 0 -> x < y;
                    case 1 -> x <= y;
                    case 2 -> x == y;
                    case 3 -> x != y;
                    case 4 -> x > y;
                    default -> x >= y;
                });
            }
            return Ops.richCompare(ca.ref, cb.ref, op);
        };
    }

    /** Contents (owned) or null when empty. */
    public PyObject ref;

    /** An empty cell. */
    public PyCell() {}

    /** A cell holding a new reference to {@code v} (null: empty). */
    public PyCell(PyObject v) {
        RefCount.xincref(v);
        this.ref = v;
    }

    /** Borrowed contents or null. */
    public PyObject get() {
        return ref;
    }

    /** Stores {@code v} (incref; null empties the cell), releasing the old contents. */
    public void set(PyObject v) {
        RefCount.xincref(v);
        PyObject old = ref;
        ref = v;
        RefCount.xdecref(old);
    }

    /** Stores {@code v}, taking over the caller's reference. */
    public void setSteal(PyObject v) {
        PyObject old = ref;
        ref = v;
        RefCount.xdecref(old);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public void traverse(Visitor v) {
        if (ref != null) v.visit(ref);
    }

    @Override
    public void releaseReferences() {
        PyObject old = ref;
        ref = null;
        RefCount.xdecref(old);
    }
}
