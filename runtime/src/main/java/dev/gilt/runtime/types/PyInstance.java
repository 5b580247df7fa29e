package dev.gilt.runtime.types;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.HasDict;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;

/**
 * An instance of a class whose layout is {@code object}'s: {@code object()} itself and every
 * instance of a user class that does not derive from a builtin type with its own layout. Holds
 * its class, its {@code __dict__} (created on first store, absent when the class has
 * {@code __slots__} without {@code __dict__}) and its {@code __slots__} values.
 *
 * <p>Refcounts: owns the dict and each slot value. The class is immortal and not counted.
 */
public final class PyInstance extends PyGcObject implements HasDict {
    /** Mutable for {@code __class__} assignment (checked by {@link ObjectSlots}). */
    public PyType type;
    /** Owned; null until the first attribute is stored. */
    public PyDict dict;
    /** Owned entries; null entries are unset slots; null array when the class has none. */
    public PyObject[] slots;

    public PyInstance(PyType type) {
        this.type = type;
        int n = PyHeapType.slotCount(type);
        if (n > 0) slots = new PyObject[n];
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public PyDict getDict(boolean create) {
        if (dict == null && create && (type.flags & PyType.HAS_DICT) != 0) dict = new PyDict();
        return dict;
    }

    @Override
    public void setDict(PyDict d) {
        RefCount.xincref(d);
        PyDict old = dict;
        dict = d;
        RefCount.xdecref(old);
    }

    @Override
    public PyObject[] slotValues() {
        return slots;
    }

    @Override
    public void traverse(Visitor v) {
        if (dict != null) v.visit(dict);
        if (slots != null) {
            for (PyObject o : slots) if (o != null) v.visit(o);
        }
    }

    @Override
    public void releaseReferences() {
        PyDict d = dict;
        dict = null;
        RefCount.xdecref(d);
        PyObject[] s = slots;
        if (s != null) {
            for (int i = 0; i < s.length; i++) {
                PyObject o = s[i];
                s[i] = null;
                RefCount.xdecref(o);
            }
        }
    }
}
