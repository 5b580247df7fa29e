package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.HasDict;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.Slots;

/**
 * {@code object.__getattribute__} / {@code __setattr__} / {@code __delattr__}: the generic
 * attribute protocol (CPython's PyObject_GenericGetAttr and GenericSetAttr). These are
 * {@code object}'s getattr/setattr slots, which every type inherits unless it has its own.
 *
 * <p>Lookup order for {@code obj.name}: a data descriptor on the type (one whose type has both
 * descrGet and descrSet) wins; then the instance {@code __dict__}; then a non-data descriptor
 * (bound through descrGet) or a plain class attribute. Modules also consult a module-level
 * {@code __getattr__} (PEP 562).
 */
public final class GenericAttr {
    private GenericAttr() {}

    private static final PyStr GETATTR = PyStr.intern("__getattr__");

    /** The attribute as a new reference, or null when absent (the caller raises). */
    public static PyObject getAttr(PyObject obj, PyStr name) {
        PyType tp = obj.type();
        PyObject descr = tp.lookup(name);
        Slots.DescrGet f = null;
        if (descr != null) {
            PyType dt = descr.type();
            f = dt.descrGet;
            if (f != null && dt.descrSet != null) return f.get(descr, obj, tp);
        }
        PyDict d = dictOf(obj, false);
        if (d != null) {
            PyObject v = d.getItemStr(name);
            if (v != null) return RefCount.newRef(v);
        }
        if (f != null) return f.get(descr, obj, tp);
        if (descr != null) return RefCount.newRef(descr);
        if (obj instanceof PyModule m) return moduleGetattr(m, name);
        return null;
    }

    /** Like {@link #getAttr} but raises CPython's AttributeError when absent. */
    public static PyObject getAttrOrRaise(PyObject obj, PyStr name) {
        PyObject r = getAttr(obj, name);
        if (r == null) throw Errors.noAttribute(obj, name.value);
        return r;
    }

    private static PyObject moduleGetattr(PyModule m, PyStr name) {
        PyObject hook = m.dict.getItemStr(GETATTR);
        if (hook == null) return null;
        RefCount.incref(hook);
        try {
            return dev.gilt.runtime.ops.Ops.call(hook, name);
        } finally {
            RefCount.decref(hook);
        }
    }

    /** {@code setattr(obj, name, value)}, or {@code delattr} when value is null. */
    public static void setAttr(PyObject obj, PyStr name, PyObject value) {
        PyType tp = obj.type();
        PyObject descr = tp.lookup(name);
        if (descr != null) {
            Slots.DescrSet f = descr.type().descrSet;
            if (f != null) {
                RefCount.incref(descr);
                try {
                    f.set(descr, obj, value);
                } finally {
                    RefCount.decref(descr);
                }
                return;
            }
        }
        PyDict d = dictOf(obj, value != null);
        if (d == null) {
            if (!hasDictSupport(obj) && descr != null) {
                throw Errors.attributeError("'%s' object attribute '%s' is read-only", tp.name(), name.value);
            }
            throw noAttributeForSet(obj, name);
        }
        if (value == null) {
            if (!d.delItem(name)) throw noAttributeForSet(obj, name);
        } else {
            d.setItem(name, value);
        }
    }

    private static PyException noAttributeForSet(PyObject obj, PyStr name) {
        PyException e = Errors.attributeError("'%s' object has no attribute '%s'", obj.type().name(), name.value);
        ExceptionTypes.setAttributeErrorContext(e.exc, name, obj);
        return e;
    }

    /**
     * The instance dict of {@code obj} (borrowed) or null if it has none; with {@code create}, a
     * missing dict is created when the object's class allows one.
     */
    public static PyDict dictOf(PyObject obj, boolean create) {
        if (obj instanceof PyInstance i) return i.getDict(create);
        if (obj instanceof HasDict h) return h.getDict(create);
        if (obj instanceof PyModule m) return m.dict;
        return null;
    }

    /** True if {@code obj} can have an instance dict. */
    public static boolean hasDictSupport(PyObject obj) {
        if (obj instanceof PyInstance i) return (i.type.flags & PyType.HAS_DICT) != 0;
        return obj instanceof HasDict || obj instanceof PyModule || obj instanceof PyBaseException;
    }

    /** A helper for attribute names given as arbitrary objects ("attribute name must be string"). */
    public static PyStr checkName(PyObject name) {
        if (name instanceof PyStr s) return s;
        throw Errors.typeError("attribute name must be string, not '%s'", name.type().name());
    }

    /** True if {@code e} is an AttributeError; then drops it (the caller treats it as absence). */
    static boolean swallowAttributeError(PyException e) {
        if (e.matches(PyExc.AttributeError)) {
            RefCount.decref(e.exc);
            return true;
        }
        return false;
    }
}
