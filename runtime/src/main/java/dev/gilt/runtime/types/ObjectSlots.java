package dev.gilt.runtime.types;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.Slots;
import dev.gilt.runtime.ops.Ops;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code object}'s behaviour: its slots (installed by {@link Bootstrap}) and the methods in its
 * dict (added by {@link #defineMethods} when {@code object} is readied).
 */
public final class ObjectSlots {
    private ObjectSlots() {}

    /** The reference slot functions, compared by identity (CPython's "tp_new == object_new"). */
    public static final Slots.New OBJECT_NEW = PyType.OBJECT.newInstance;
    public static final Slots.Init OBJECT_INIT = PyType.OBJECT.init;

    // ---- slots ----------------------------------------------------------------------------

    static PyObject repr(PyObject self) {
        return PyStr.of(Ops.defaultRepr(self));
    }

    /** object.__str__ calls the type's repr slot directly (Ops.str checks the result's type). */
    static PyObject str(PyObject self) {
        Slots.Unary r = self.type().repr;
        if (r == null) return repr(self);
        return r.apply(self);
    }

    /** Identity hash: the id rotated by 4 bits, as CPython's _Py_HashPointer. */
    static long hash(PyObject self) {
        long id = RefCount.id(self);
        long h = (id >>> 4) | (id << 60);
        return h == -1 ? -2 : h;
    }

    static PyObject richcompare(PyObject self, PyObject other, int op) {
        switch (op) {
            case Ops.EQ:
                return self == other ? PyBool.TRUE : PyNotImplemented.NOT_IMPLEMENTED;
            case Ops.NE: {
                // By default __ne__ delegates to __eq__ and inverts its result.
                Slots.Compare rc = self.type().richcompare;
                if (rc == null) return PyNotImplemented.NOT_IMPLEMENTED;
                PyObject r = rc.compare(self, other, Ops.EQ);
                if (r == PyNotImplemented.NOT_IMPLEMENTED) return r;
                boolean t = Ops.isTrue(r);
                RefCount.decref(r);
                return PyBool.of(!t);
            }
            default:
                return PyNotImplemented.NOT_IMPLEMENTED;
        }
    }

    static PyObject objectNew(PyType type, PyObject[] args, PyTuple kwnames) {
        if (args.length > 0) {
            if (type.newInstance != OBJECT_NEW) {
                throw Errors.typeError("object.__new__() takes exactly one argument (the type to instantiate)");
            }
            if (type.init == OBJECT_INIT) throw Errors.typeError("%s() takes no arguments", type.name());
        }
        if ((type.flags & PyType.ABSTRACT) != 0) throw abstractError(type);
        if (type != PyType.OBJECT && type.javaClass != PyInstance.class) {
            PyType solid = TypeNew.solidBase(type);
            throw Errors.typeError("object.__new__(%s) is not safe, use %s.__new__()", type.name(), solid.name());
        }
        return new PyInstance(type);
    }

    private static RuntimeException abstractError(PyType type) {
        PyObject am = type.lookup("__abstractmethods__");
        List<String> names = new ArrayList<>();
        if (am != null) {
            PyObject it = Ops.iter(am);
            try {
                PyObject x;
                while ((x = Ops.next(it)) != null) {
                    names.add(Ops.strString(x));
                    RefCount.decref(x);
                }
            } finally {
                RefCount.decref(it);
            }
        }
        java.util.Collections.sort(names);
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (sb.length() > 0) sb.append(", ");
            sb.append('\'').append(n).append('\'');
        }
        return Errors.typeError("Can't instantiate abstract class %s without an implementation for abstract method%s %s",
                type.name(), names.size() == 1 ? "" : "s", sb);
    }

    static void objectInit(PyObject self, PyObject[] args, PyTuple kwnames) {
        if (args.length > 0) {
            PyType type = self.type();
            if (type.init != OBJECT_INIT) {
                throw Errors.typeError("object.__init__() takes exactly one argument (the instance to initialize)");
            }
            if (type.newInstance == OBJECT_NEW) {
                throw Errors.typeError("%s.__init__() takes exactly one argument (the instance to initialize)",
                        type.name());
            }
        }
    }

    // ---- methods in object's dict ---------------------------------------------------------

    private static final ArgParser REDUCE_EX = ArgParser.of("__reduce_ex__", 1, 1, "protocol");

    static void defineMethods(PyType t) {
        PyGetSetDescr.define(t, "__class__", self -> RefCount.newRef(self.type()), ObjectSlots::setClass);
        PyMethodDescr.define(t, "__format__", (Fn.F1) ObjectSlots::format);
        PyMethodDescr.define(t, "__dir__", (Fn.F0) self -> dirList(self));
        PyMethodDescr.define(t, "__sizeof__", (Fn.F0) self -> PyInt.of(16 + 8L * PyHeapType.slotCount(self.type())));
        PyMethodDescr.define(t, "__reduce__", (Fn.F0) self -> Reduce.reduce(self, 0));
        PyMethodDescr.define(t, "__reduce_ex__", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = REDUCE_EX.parse(args, kw);
            return Reduce.reduceEx(self, (int) asLong(a[0]));
        });
        PyMethodDescr.define(t, "__getstate__", (Fn.F0) Reduce::getState);
        t.define("__init_subclass__", PyClassMethod.ofBuiltin(t, "__init_subclass__", (cls, args, kw) -> {
            if (args.length > 0) {
                if (kw != null && kw.size() > 0) {
                    throw Errors.typeError("%s.__init_subclass__() takes no keyword arguments", qualname(cls));
                }
                throw Errors.typeError("%s.__init_subclass__() takes no arguments (%d given)", qualname(cls), args.length);
            }
            return PyNone.NONE;
        }));
        t.define("__subclasshook__", PyClassMethod.ofBuiltin(t, "__subclasshook__",
                (cls, args, kw) -> PyNotImplemented.NOT_IMPLEMENTED));
        PyStr doc = PyStr.of("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n");
        t.define("__doc__", doc);
        RefCount.decref(doc);
    }

    private static String qualname(PyObject cls) {
        return cls instanceof PyType ct ? ct.qualname : cls.type().name();
    }

    static long asLong(PyObject o) {
        if (o instanceof PyInt pi && !pi.isBig()) return pi.value;
        PyObject i = Ops.index(o);
        try {
            if (i instanceof PyInt pi && !pi.isBig()) return pi.value;
            throw Errors.overflow("Python int too large to convert to C long");
        } finally {
            RefCount.decref(i);
        }
    }

    private static PyObject format(PyObject self, PyObject spec) {
        if (!(spec instanceof PyStr s)) {
            throw Errors.typeError("__format__() argument must be str, not %s", spec.type().name());
        }
        if (!s.value.isEmpty()) {
            throw Errors.typeError("unsupported format string passed to %s.__format__", self.type().name());
        }
        return Ops.str(self);
    }

    /** {@code obj.__class__ = cls} with CPython's compatibility checks. */
    static void setClass(PyObject self, PyObject value) {
        if (value == null) throw Errors.typeError("can't delete __class__ attribute");
        if (!(value instanceof PyType nt)) {
            throw Errors.typeError("__class__ must be set to a class, not '%s' object", value.type().name());
        }
        PyType old = self.type();
        boolean oldOk = old.isHeapType() || old.isSubtypeOf(dev.gilt.runtime.module.PyModule.TYPE);
        boolean newOk = nt.isHeapType() || nt.isSubtypeOf(dev.gilt.runtime.module.PyModule.TYPE);
        if (!oldOk || !newOk) {
            throw Errors.typeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
        }
        if (!sameLayout(old, nt)) {
            throw Errors.typeError("__class__ assignment: '%s' object layout differs from '%s'", nt.name(), old.name());
        }
        if (self instanceof PyInstance i) {
            i.type = nt;
        } else if (self instanceof PyBaseException e) {
            e.setType(nt);
        } else {
            throw Errors.typeError("__class__ assignment: '%s' object layout differs from '%s'", nt.name(), old.name());
        }
    }

    static boolean sameLayout(PyType a, PyType b) {
        PyType sa = TypeNew.solidBase(a), sb = TypeNew.solidBase(b);
        if (sa.javaClass != sb.javaClass) return false;
        if (PyHeapType.slotCount(a) != PyHeapType.slotCount(b)) return false;
        if (a instanceof PyHeapType ha && b instanceof PyHeapType hb) {
            if (!Arrays.equals(allSlotNames(ha), allSlotNames(hb))) return false;
        }
        return (a.flags & PyType.HAS_DICT) == (b.flags & PyType.HAS_DICT);
    }

    private static String[] allSlotNames(PyType t) {
        List<String> out = new ArrayList<>();
        for (int i = t.mro.length - 1; i >= 0; i--) {
            if (t.mro[i] instanceof PyHeapType h) out.addAll(Arrays.asList(h.ownSlots));
        }
        return out.toArray(new String[0]);
    }

    // ---- dir ------------------------------------------------------------------------------

    /** object.__dir__: instance dict keys plus the attributes of the class and its bases (unsorted list). */
    static PyObject dirList(PyObject self) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        PyObject d = Ops.lookupAttr(self, PyStr.intern("__dict__"));
        if (d != null) {
            if (d instanceof PyDict dd) addKeys(names, dd);
            RefCount.decref(d);
        }
        PyObject cls = Ops.lookupAttr(self, PyStr.intern("__class__"));
        if (cls != null) {
            if (cls instanceof PyType ct) mergeClassDict(names, ct);
            RefCount.decref(cls);
        }
        return toList(names);
    }

    static void addKeys(java.util.Set<String> names, PyDict d) {
        for (int i = 0; i < d.entrySlots(); i++) {
            PyObject k = d.keyAt(i);
            if (k instanceof PyStr s) names.add(s.value);
        }
    }

    /** The attributes of {@code t} and of its bases, recursively (CPython's merge_class_dict). */
    static void mergeClassDict(java.util.Set<String> names, PyType t) {
        if ((t.flags & PyType.READY) == 0) TypeReady.ready(t);
        addKeys(names, t.dict);
        for (PyType b : t.bases) mergeClassDict(names, b);
    }

    static PyList toList(java.util.Collection<String> names) {
        PyList l = new PyList(names.size());
        for (String n : names) l.appendSteal(PyStr.of(n));
        return l;
    }
}
