package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;

/** The {@code __dict__} and {@code __weakref__} accessors a class gets when it adds them. */
final class InstanceAttrs {
    private InstanceAttrs() {}

    static void defineDictDescr(PyType t) {
        PyGetSetDescr.define(t, "__dict__", InstanceAttrs::getDict, InstanceAttrs::setDict);
    }

    static void defineWeakrefDescr(PyType t) {
        PyGetSetDescr.define(t, "__weakref__", self -> {
            PyObject r = WeakRefs.firstRef(self);
            return r == null ? PyNone.NONE : r;
        });
    }

    static PyObject getDict(PyObject self) {
        PyDict d = GenericAttr.dictOf(self, true);
        if (d == null) {
            throw Errors.attributeError("'%s' object has no attribute '__dict__'", self.type().name());
        }
        return RefCount.newRef(d);
    }

    static void setDict(PyObject self, PyObject value) {
        if (value == null) throw Errors.typeError("cannot delete __dict__");
        if (!(value instanceof PyDict d)) {
            throw Errors.typeError("__dict__ must be set to a dictionary, not a '%s'", value.type().name());
        }
        if (self instanceof dev.gilt.runtime.object.HasDict h) {
            h.setDict(d);
        } else {
            throw Errors.attributeError("'%s' object has no attribute '__dict__'", self.type().name());
        }
    }
}
