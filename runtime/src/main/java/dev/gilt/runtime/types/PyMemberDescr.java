package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.HasDict;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;

/**
 * {@code member_descriptor}: one {@code __slots__} entry of a class, reading and writing index
 * {@link #index} of the instance's slot array ({@link PyInstance#slots} or
 * {@link HasDict#slotValues()}). A data descriptor; an unset slot reads as AttributeError.
 * Immortal, as it lives in an immortal type dict.
 */
public final class PyMemberDescr extends PyObject {
    public static final PyType TYPE = PyType.builtin("member_descriptor", PyMemberDescr.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.descrGet = (d, obj, type) -> ((PyMemberDescr) d).get(obj);
        TYPE.descrSet = (d, obj, value) -> ((PyMemberDescr) d).set(obj, value);
        TYPE.repr = d -> PyStr.of("<member '" + ((PyMemberDescr) d).name + "' of '" + ((PyMemberDescr) d).owner.name()
                + "' objects>");
    }

    public final PyType owner;
    public final String name;
    final int index;

    PyMemberDescr(PyType owner, String name, int index) {
        this.owner = owner;
        this.name = name;
        this.index = index;
        RefCount.immortalize(this);
    }

    private PyObject[] slotsOf(PyObject obj) {
        if (!obj.type().isSubtypeOf(owner)) {
            throw Errors.typeError("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name,
                    owner.name(), obj.type().name());
        }
        PyObject[] s = obj instanceof PyInstance i ? i.slots : obj instanceof HasDict h ? h.slotValues() : null;
        if (s == null || index >= s.length) {
            throw Errors.systemError("instance of '" + obj.type().name() + "' has no slot storage");
        }
        return s;
    }

    PyObject get(PyObject obj) {
        if (obj == null) return this;
        PyObject v = slotsOf(obj)[index];
        if (v == null) {
            var e = Errors.attributeError("'%s' object has no attribute '%s'", obj.type().name(), name);
            ExceptionTypes.setAttributeErrorContext(e.exc, PyStr.intern(name), obj);
            throw e;
        }
        return RefCount.newRef(v);
    }

    void set(PyObject obj, PyObject value) {
        PyObject[] s = slotsOf(obj);
        PyObject old = s[index];
        if (value == null && old == null) {
            var e = Errors.attributeError("'%s' object has no attribute '%s'", obj.type().name(), name);
            ExceptionTypes.setAttributeErrorContext(e.exc, PyStr.intern(name), obj);
            throw e;
        }
        RefCount.xincref(value);
        s[index] = value;
        RefCount.xdecref(old);
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
