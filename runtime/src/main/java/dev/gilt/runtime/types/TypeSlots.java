package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.Slots;
import dev.gilt.runtime.ops.Ops;
import java.util.LinkedHashSet;

/**
 * {@code type}'s behaviour: attribute access on classes (CPython's type_getattro /
 * type_setattro), calling a class ({@code type.__call__}: __new__ then __init__), its repr, and
 * the attributes every class has ({@code __name__}, {@code __mro__}, {@code __dict__}, ...).
 */
public final class TypeSlots {
    private TypeSlots() {}

    private static final PyStr DOC = PyStr.intern("__doc__"), MODULE = PyStr.intern("__module__"),
            ANNOTATIONS = PyStr.intern("__annotations__"), ABSTRACT = PyStr.intern("__abstractmethods__");

    // ---- getattr / setattr ----------------------------------------------------------------

    /** {@code cls.name}: new reference or null when absent. */
    public static PyObject getAttr(PyObject self, PyStr name) {
        PyType type = (PyType) self;
        PyType meta = type.type();
        PyObject metaAttr = meta.lookup(name);
        Slots.DescrGet metaGet = null;
        if (metaAttr != null) {
            PyType mt = metaAttr.type();
            metaGet = mt.descrGet;
            if (metaGet != null && mt.descrSet != null) return metaGet.get(metaAttr, type, meta);
        }
        PyObject attr = type.lookup(name);
        if (attr != null) {
            Slots.DescrGet localGet = attr.type().descrGet;
            if (localGet != null) return localGet.get(attr, null, type);
            return RefCount.newRef(attr);
        }
        if (metaGet != null) return metaGet.get(metaAttr, type, meta);
        if (metaAttr != null) return RefCount.newRef(metaAttr);
        return null;
    }

    public static PyObject getAttrOrRaise(PyType type, PyStr name) {
        Slots.GetAttr g = type.type().getattr;
        PyObject r = g == null ? null : g.get(type, name);
        if (r == null) throw Errors.noAttribute(type, name.value);
        return r;
    }

    public static void setAttr(PyObject self, PyStr name, PyObject value) {
        PyType type = (PyType) self;
        if (!type.isHeapType()) {
            throw Errors.typeError("cannot %s '%s' attribute of immutable type '%s'", value == null ? "delete" : "set",
                    name.value, type.name());
        }
        PyType meta = type.type();
        PyObject metaAttr = meta.lookup(name);
        if (metaAttr != null) {
            Slots.DescrSet f = metaAttr.type().descrSet;
            if (f != null) {
                f.set(metaAttr, type, value);
                return;
            }
        }
        if (value == null) {
            if (!type.dict.delItem(name)) throw Errors.noAttribute(type, name.value);
        } else {
            type.dict.setItem(name.isInterned() ? name : PyStr.intern(name.value), value);
        }
        changed(type, name.value);
    }

    /** After a class's dict changed at {@code name}: caches and slots follow. */
    static void changed(PyType type, String name) {
        type.modified();
        if (name.startsWith("__") && name.endsWith("__")) SlotTable.updateSlot(type, name);
    }

    // ---- call, repr, init -----------------------------------------------------------------

    static PyObject call(PyObject self, PyObject[] args, PyTuple kwnames) {
        PyType type = (PyType) self;
        int nkw = kwnames == null ? 0 : kwnames.size();
        if (type == PyType.TYPE) {
            int npos = args.length - nkw;
            if (npos == 1 && nkw == 0) return RefCount.newRef(args[0].type());
            if (npos != 3) throw Errors.typeError("type() takes 1 or 3 arguments");
        }
        Slots.New nw = type.newInstance;
        if (nw == null) throw Errors.typeError("cannot create '%s' instances", type.name());
        PyObject obj = nw.create(type, args, kwnames);
        PyType ot = obj.type();
        if (!ot.isSubtypeOf(type)) return obj;
        Slots.Init init = ot.init;
        if (init != null) {
            try {
                init.init(obj, args, kwnames);
            } catch (PyException e) {
                RefCount.decref(obj);
                throw e;
            }
        }
        return obj;
    }

    static PyObject repr(PyObject self) {
        PyType t = (PyType) self;
        String mod = moduleName(t);
        String q = t.isHeapType() ? t.qualname : shortName(t);
        if (mod != null && !mod.equals("builtins")) return PyStr.of("<class '" + mod + "." + q + "'>");
        return PyStr.of("<class '" + q + "'>");
    }

    /** The type's {@code __module__} as a Java string, or null. */
    static String moduleName(PyType t) {
        if (t.isHeapType()) {
            PyObject m = t.dict.getItemStr(MODULE);
            return m instanceof PyStr s ? s.value : null;
        }
        // A Java stdlib type may name its module in its dict (Attr.install), as CPython's
        // extension types do with a dotted tp_name: collections.deque, _thread.lock.
        if (t.dict.getItemStr(MODULE) instanceof PyStr s) return s.value;
        String n = t.name();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "builtins" : n.substring(0, dot);
    }

    /** {@code __name__} of a type (a builtin's name without its module prefix). */
    public static String shortName(PyType t) {
        if (t.isHeapType()) return t.name();
        String n = t.name();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(dot + 1);
    }

    static void init(PyObject self, PyObject[] args, PyTuple kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.size();
        int npos = args.length - nkw;
        if (nkw != 0 && npos == 1) throw Errors.typeError("type.__init__() takes no keyword arguments");
        if (npos != 1 && npos != 3) throw Errors.typeError("type.__init__() takes 1 or 3 arguments");
    }

    // ---- the attributes of every class ----------------------------------------------------

    static void defineMethods(PyType t) {
        PyGetSetDescr.define(t, "__name__", self -> PyStr.of(shortName((PyType) self)), TypeSlots::setName);
        PyGetSetDescr.define(t, "__qualname__", self -> {
            PyType c = (PyType) self;
            return PyStr.of(c.isHeapType() ? c.qualname : shortName(c));
        }, TypeSlots::setQualname);
        PyGetSetDescr.define(t, "__bases__", self -> tupleOf(((PyType) self).bases), (self, v) -> {
            throw Errors.typeError("assignment to __bases__ is not supported by Gilt");
        });
        PyGetSetDescr.define(t, "__mro__", self -> tupleOf(((PyType) self).mro));
        PyGetSetDescr.define(t, "__base__", self -> {
            PyType b = ((PyType) self).base;
            return b == null ? PyNone.NONE : b;
        });
        PyGetSetDescr.define(t, "__module__", TypeSlots::getModule, (self, v) -> setHeapAttr(self, MODULE, v));
        PyGetSetDescr.define(t, "__doc__", TypeSlots::getDoc, (self, v) -> setHeapAttr(self, DOC, v));
        PyGetSetDescr.define(t, "__dict__", self -> PyMappingProxy.of(((PyType) self).dict));
        PyGetSetDescr.define(t, "__abstractmethods__", TypeSlots::getAbstract, TypeSlots::setAbstract);
        PyGetSetDescr.define(t, "__annotations__", TypeSlots::getAnnotations, TypeSlots::setAnnotations);
        PyGetSetDescr.define(t, "__text_signature__", self -> PyNone.NONE);
        PyGetSetDescr.define(t, "__basicsize__", self -> PyInt.of(16 + 8L * PyHeapType.slotCount((PyType) self)));
        PyGetSetDescr.define(t, "__itemsize__", self -> PyInt.of(0));
        PyGetSetDescr.define(t, "__flags__", self -> PyInt.of(((PyType) self).isHeapType() ? 0x4000 | 0x200 | 0x400 : 0x400));
        PyGetSetDescr.define(t, "__weakrefoffset__", self -> PyInt.of(0));
        PyGetSetDescr.define(t, "__dictoffset__", self -> PyInt.of(0));
        PyMethodDescr.define(t, "mro", (Fn.F0) self -> {
            PyType c = (PyType) self;
            PyType[] m = c.isHeapType() ? TypeNew.c3(c) : c.mro;
            PyList l = new PyList(m.length);
            for (PyType x : m) l.append(x);
            return l;
        });
        PyMethodDescr.define(t, "__subclasses__", (Fn.F0) self -> {
            PyList l = new PyList();
            for (PyType s : ((PyType) self).subclasses()) l.append(s);
            return l;
        });
        PyMethodDescr.define(t, "__instancecheck__", (Fn.F1) (self, inst) ->
                PyBool.of(InstanceChecks.recursiveIsInstance(inst, self)));
        PyMethodDescr.define(t, "__subclasscheck__", (Fn.F1) (self, sub) ->
                PyBool.of(InstanceChecks.recursiveIsSubclass(sub, self)));
        PyMethodDescr.define(t, "__dir__", (Fn.F0) self -> {
            LinkedHashSet<String> names = new LinkedHashSet<>();
            ObjectSlots.mergeClassDict(names, (PyType) self);
            return ObjectSlots.toList(names);
        });
        PyMethodDescr.define(t, "__sizeof__", (Fn.F0) self -> PyInt.of(880));
        t.define("__prepare__", PyClassMethod.ofBuiltin(t, "__prepare__", (cls, args, kw) -> new PyDict()));
    }

    private static PyTuple tupleOf(PyType[] ts) {
        return PyTuple.of((PyObject[]) ts);
    }

    private static void requireHeap(PyObject self, String attr, boolean delete) {
        PyType c = (PyType) self;
        if (!c.isHeapType()) {
            throw Errors.typeError("cannot %s '%s' attribute of immutable type '%s'", delete ? "delete" : "set", attr,
                    c.name());
        }
    }

    private static void setName(PyObject self, PyObject v) {
        requireHeap(self, "__name__", v == null);
        PyType c = (PyType) self;
        if (v == null) throw Errors.typeError("cannot delete '__name__' attribute of immutable type '%s'", c.name());
        if (!(v instanceof PyStr s)) {
            throw Errors.typeError("can only assign string to %s.__name__, not '%s'", c.name(), v.type().name());
        }
        if (s.value.indexOf('\0') >= 0) throw Errors.valueError("type name must not contain null characters");
        c.setName(s.value);
    }

    private static void setQualname(PyObject self, PyObject v) {
        requireHeap(self, "__qualname__", v == null);
        PyType c = (PyType) self;
        if (v == null) throw Errors.typeError("cannot delete '__qualname__' attribute of immutable type '%s'", c.name());
        if (!(v instanceof PyStr s)) {
            throw Errors.typeError("can only assign string to %s.__qualname__, not '%s'", c.name(), v.type().name());
        }
        c.qualname = s.value;
    }

    private static void setHeapAttr(PyObject self, PyStr key, PyObject v) {
        requireHeap(self, key.value, v == null);
        PyType c = (PyType) self;
        if (v == null) {
            if (!c.dict.delItem(key)) throw Errors.attributeError(key.value);
        } else {
            c.dict.setItem(key, v);
        }
        c.modified();
    }

    private static PyObject getModule(PyObject self) {
        PyType c = (PyType) self;
        if (c.isHeapType()) {
            PyObject m = c.dict.getItemStr(MODULE);
            if (m == null) throw Errors.attributeError("__module__");
            return RefCount.newRef(m);
        }
        return PyStr.of(moduleName(c));
    }

    private static PyObject getDoc(PyObject self) {
        PyType c = (PyType) self;
        PyObject d = c.dict.getItemStr(DOC);
        if (d == null || d instanceof PyGetSetDescr) {
            if (c == PyType.TYPE) return PyStr.of(TYPE_DOC);
            return PyNone.NONE;
        }
        Slots.DescrGet g = d.type().descrGet;
        if (c.isHeapType() && g != null) return g.get(d, null, c);
        return RefCount.newRef(d);
    }

    private static final String TYPE_DOC = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";

    private static PyObject getAbstract(PyObject self) {
        PyType c = (PyType) self;
        PyObject v = c == PyType.TYPE ? null : c.dict.getItemStr(ABSTRACT);
        if (v == null || v instanceof PyGetSetDescr) throw Errors.attributeError("__abstractmethods__");
        return RefCount.newRef(v);
    }

    private static void setAbstract(PyObject self, PyObject v) {
        PyType c = (PyType) self;
        requireHeap(self, "__abstractmethods__", v == null);
        if (v == null) {
            if (!c.dict.delItem(ABSTRACT)) throw Errors.attributeError("__abstractmethods__");
            c.flags &= ~PyType.ABSTRACT;
        } else {
            boolean abs = Ops.isTrue(v);
            c.dict.setItem(ABSTRACT, v);
            if (abs) {
                c.flags |= PyType.ABSTRACT;
            } else {
                c.flags &= ~PyType.ABSTRACT;
            }
        }
        c.modified();
    }

    private static PyObject getAnnotations(PyObject self) {
        PyType c = (PyType) self;
        if (!c.isHeapType()) throw Errors.noAttribute(c, "__annotations__");
        PyObject a = c.dict.getItemStr(ANNOTATIONS);
        if (a != null) {
            Slots.DescrGet g = a.type().descrGet;
            if (g != null) return g.get(a, null, c);
            return RefCount.newRef(a);
        }
        PyDict d = new PyDict();
        c.dict.setItem(ANNOTATIONS, d);
        return d;
    }

    private static void setAnnotations(PyObject self, PyObject v) {
        requireHeap(self, "__annotations__", v == null);
        PyType c = (PyType) self;
        if (v == null) {
            if (!c.dict.delItem(ANNOTATIONS)) throw Errors.attributeError("__annotations__");
        } else {
            c.dict.setItem(ANNOTATIONS, v);
        }
        c.modified();
    }

    /** {@code T.__new__} for a builtin type T: checks the subtype, then calls T's own newInstance. */
    static PyBuiltinFunction newWrapper(PyType owner) {
        return PyBuiltinFunction.of("__new__", owner, (Fn.FV) (self, args, kw) -> {
            PyType o = (PyType) self;
            int npos = args.length - (kw == null ? 0 : kw.size());
            if (npos < 1) throw Errors.typeError("%s.__new__(): not enough arguments", o.name());
            PyObject a0 = args[0];
            if (!(a0 instanceof PyType sub)) {
                throw Errors.typeError("%s.__new__(X): X is not a type object (%s)", o.name(), a0.type().name());
            }
            if (!sub.isSubtypeOf(o)) {
                throw Errors.typeError("%s.__new__(%s): %s is not a subtype of %s", o.name(), sub.name(), sub.name(),
                        o.name());
            }
            PyType staticbase = sub;
            while (staticbase != null && staticbase.newInstance == SlotTable.NEW_SLOT) staticbase = staticbase.base;
            if (staticbase != null && staticbase.newInstance != o.newInstance) {
                throw Errors.typeError("%s.__new__(%s) is not safe, use %s.__new__()", o.name(), sub.name(),
                        staticbase.name());
            }
            PyObject[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            return o.newInstance.create(sub, rest, kw);
        });
    }
}
