package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleRegistry;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyCell;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyEllipsis;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import java.util.LinkedHashSet;

/**
 * One-time completion of the object model: installs the runtime hooks owned by the type system
 * ({@code __del__} finalizers, weak reference clearing) and the slots and attributes of the small
 * core types that no other room owns (builtin functions and method descriptors, modules, cells,
 * None, NotImplemented, Ellipsis). Idempotent; runs on the first type lookup and from
 * {@code Builtins.create}.
 */
public final class Types {
    private Types() {}

    private static volatile boolean done;

    public static void init() {
        if (done) return;
        synchronized (Types.class) {
            if (done) return;
            done = true;
            RefCount.finalizer = Finalizers::finalizeObject;
            RefCount.weakRefClearer = WeakRefs::clearWeakRefs;
            builtinFunctions();
            modules();
            cells();
            singletons();
            PyType.TYPE.flags |= PyType.WEAKREFABLE;
            dev.gilt.runtime.object.PyBool.TYPE.flags &= ~PyType.BASETYPE; // bool is final
        }
    }

    private static String hex(PyObject o) {
        return "0x" + Long.toHexString(RefCount.id(o));
    }

    private static void builtinFunctions() {
        PyType bf = PyBuiltinFunction.TYPE;
        bf.flags |= PyType.WEAKREFABLE;
        bf.repr = o -> {
            PyBuiltinFunction f = (PyBuiltinFunction) o;
            if (f.self == null || f.self instanceof PyModule) return PyStr.of("<built-in function " + f.name + ">");
            return PyStr.of("<built-in method " + f.name + " of " + f.self.type().name() + " object at " + hex(f.self) + ">");
        };
        bf.richcompare = (a, b, op) -> {
            if ((op != Ops.EQ && op != Ops.NE) || !(b instanceof PyBuiltinFunction fb)) {
                return PyNotImplemented.NOT_IMPLEMENTED;
            }
            PyBuiltinFunction fa = (PyBuiltinFunction) a;
            boolean eq = fa == fb || (fa.self == fb.self && fa.name.equals(fb.name) && sameImpl(fa, fb));
            return PyBool.of(op == Ops.EQ ? eq : !eq);
        };
        bf.hash = o -> {
            PyBuiltinFunction f = (PyBuiltinFunction) o;
            long h = f.name.hashCode() * 1000003L ^ (f.self == null ? 0 : ObjectSlots.hash(f.self));
            return h == -1 ? -2 : h;
        };
        PyGetSetDescr.define(bf, "__name__", o -> PyStr.of(((PyBuiltinFunction) o).name));
        PyGetSetDescr.define(bf, "__qualname__", o -> {
            PyBuiltinFunction f = (PyBuiltinFunction) o;
            if (f.self == null || f.self instanceof PyModule) return PyStr.of(f.name);
            PyType owner = f.self instanceof PyType t ? t : f.self.type();
            return PyStr.of(TypeSlots.shortName(owner) + "." + f.name);
        });
        PyGetSetDescr.define(bf, "__self__", o -> {
            PyObject s = ((PyBuiltinFunction) o).self;
            return s == null ? PyNone.NONE : RefCount.newRef(s);
        });
        PyGetSetDescr.define(bf, "__module__", o -> {
            PyObject s = ((PyBuiltinFunction) o).self;
            if (s instanceof PyModule m) return PyStr.of(m.name());
            return PyNone.NONE;
        });
        PyGetSetDescr.define(bf, "__doc__", o -> {
            String d = ((PyBuiltinFunction) o).doc;
            return d == null ? PyNone.NONE : PyStr.of(d);
        });
        PyGetSetDescr.define(bf, "__text_signature__", o -> PyNone.NONE);

        PyType md = PyMethodDescr.TYPE;
        md.flags |= PyType.METHOD_DESCRIPTOR;
        md.repr = o -> {
            PyMethodDescr m = (PyMethodDescr) o;
            return PyStr.of("<method '" + m.name + "' of '" + m.owner.name() + "' objects>");
        };
        PyGetSetDescr.define(md, "__name__", o -> PyStr.of(((PyMethodDescr) o).name));
        PyGetSetDescr.define(md, "__qualname__", o -> {
            PyMethodDescr m = (PyMethodDescr) o;
            return PyStr.of(TypeSlots.shortName(m.owner) + "." + m.name);
        });
        PyGetSetDescr.define(md, "__objclass__", o -> ((PyMethodDescr) o).owner);
        PyGetSetDescr.define(md, "__doc__", o -> PyNone.NONE);
        PyGetSetDescr.define(md, "__text_signature__", o -> PyNone.NONE);

        PyType sw = PySlotWrapper.TYPE;
        PyGetSetDescr.define(sw, "__name__", o -> PyStr.of(((PySlotWrapper) o).name));
        PyGetSetDescr.define(sw, "__qualname__", o -> {
            PySlotWrapper w = (PySlotWrapper) o;
            return PyStr.of(TypeSlots.shortName(w.owner) + "." + w.name);
        });
        PyGetSetDescr.define(sw, "__objclass__", o -> ((PySlotWrapper) o).owner);
        PyGetSetDescr.define(sw, "__doc__", o -> PyNone.NONE);
        PyType mw = PySlotWrapper.METHOD_WRAPPER;
        PyGetSetDescr.define(mw, "__name__", o -> PyStr.of(((PySlotWrapper.Bound) o).descr.name));
        PyGetSetDescr.define(mw, "__self__", o -> RefCount.newRef(((PySlotWrapper.Bound) o).self));
        PyGetSetDescr.define(mw, "__objclass__", o -> ((PySlotWrapper.Bound) o).descr.owner);
        PyGetSetDescr.define(mw, "__qualname__", o -> {
            PySlotWrapper w = ((PySlotWrapper.Bound) o).descr;
            return PyStr.of(TypeSlots.shortName(w.owner) + "." + w.name);
        });
    }

    private static boolean sameImpl(PyBuiltinFunction a, PyBuiltinFunction b) {
        return a == b || a.name.equals(b.name);
    }

    private static final ArgParser MODULE_INIT = ArgParser.of("module", 1, 0, "name", "doc");

    private static void modules() {
        PyType m = PyModule.TYPE;
        m.flags |= PyType.WEAKREFABLE | PyType.HAS_DICT;
        m.repr = o -> {
            PyModule mod = (PyModule) o;
            PyObject file = mod.dict.getItemStr(PyStr.intern("__file__"));
            String name = mod.name();
            if (file instanceof PyStr f) return PyStr.of("<module '" + name + "' from '" + f.value + "'>");
            if (ModuleRegistry.find(name) != null || name.equals("builtins") || name.equals("sys")) {
                return PyStr.of("<module '" + name + "' (built-in)>");
            }
            return PyStr.of("<module '" + name + "'>");
        };
        m.newInstance = (type, args, kw) -> {
            MODULE_INIT.parse(args, kw);
            if (type == PyModule.TYPE) return new PyModule("?");
            return new ModuleSub(type);
        };
        m.init = (self, args, kw) -> {
            PyObject[] a = MODULE_INIT.parse(args, kw);
            if (!(a[0] instanceof PyStr)) {
                throw Errors.typeError("module.__init__() argument 'name' must be str, not %s", a[0].type().name());
            }
            PyModule mod = (PyModule) self;
            mod.dict.setItem(PyStr.intern("__name__"), a[0]);
            mod.dict.setItem(PyStr.intern("__doc__"), a[1] == null ? PyNone.NONE : a[1]);
            for (String k : new String[] {"__package__", "__loader__", "__spec__"}) {
                if (mod.dict.getItemStr(PyStr.intern(k)) == null) mod.dict.setItem(PyStr.intern(k), PyNone.NONE);
            }
        };
        PyGetSetDescr.define(m, "__dict__", o -> RefCount.newRef(((PyModule) o).dict));
        PyMethodDescr.define(m, "__dir__", (Fn.F0) o -> {
            PyModule mod = (PyModule) o;
            PyObject hook = mod.dict.getItemStr(PyStr.intern("__dir__"));
            if (hook != null) return Ops.call(hook);
            LinkedHashSet<String> names = new LinkedHashSet<>();
            ObjectSlots.addKeys(names, mod.dict);
            return ObjectSlots.toList(names);
        });
    }

    /** An instance of a user subclass of {@code types.ModuleType}. */
    static final class ModuleSub extends PyModule {
        private final PyType type;

        ModuleSub(PyType type) {
            super("?");
            this.type = type;
        }

        @Override
        public PyType type() {
            return type;
        }
    }

    private static void cells() {
        PyType c = PyCell.TYPE;
        c.hash = null;
        c.repr = o -> {
            PyObject v = ((PyCell) o).get();
            if (v == null) return PyStr.of("<cell at " + hex(o) + ": empty>");
            return PyStr.of("<cell at " + hex(o) + ": " + v.type().name() + " object at " + hex(v) + ">");
        };
        c.richcompare = (a, b, op) -> {
            if (!(b instanceof PyCell cb)) return PyNotImplemented.NOT_IMPLEMENTED;
            PyObject va = ((PyCell) a).get(), vb = cb.get();
            if (va != null && vb != null) return Ops.richCompare(va, vb, op);
            // An empty cell sorts before a full one.
            int cmp = Boolean.compare(va != null, vb != null);
            boolean r = switch (op) {
                case Ops.LT -> cmp < 0;
                case Ops.LE -> cmp <= 0;
                case Ops.EQ -> cmp == 0;
                case Ops.NE -> cmp != 0;
                case Ops.GT -> cmp > 0;
                default -> cmp >= 0;
            };
            return PyBool.of(r);
        };
        c.newInstance = (type, args, kw) -> {
            if (kw != null && kw.size() > 0) throw Errors.typeError("cell() takes no keyword arguments");
            if (args.length > 1) throw Errors.typeError("cell expected at most 1 argument, got %d", args.length);
            return args.length == 1 ? new PyCell(args[0]) : new PyCell();
        };
        PyGetSetDescr.define(c, "cell_contents", o -> {
            PyObject v = ((PyCell) o).get();
            if (v == null) throw Errors.valueError("Cell is empty");
            return RefCount.newRef(v);
        }, (o, v) -> ((PyCell) o).set(v));
    }

    private static void singletons() {
        PyType none = PyNone.TYPE;
        none.flags &= ~PyType.BASETYPE;
        if (none.repr == PyType.OBJECT.repr) none.repr = o -> PyStr.intern("None");
        if (none.bool == null) none.bool = o -> false;
        none.newInstance = (type, args, kw) -> {
            if (args.length > 0) throw Errors.typeError("NoneType takes no arguments");
            return PyNone.NONE;
        };
        PyType ni = PyNotImplemented.TYPE;
        ni.flags &= ~PyType.BASETYPE;
        if (ni.repr == PyType.OBJECT.repr) ni.repr = o -> PyStr.intern("NotImplemented");
        ni.newInstance = (type, args, kw) -> {
            if (args.length > 0) throw Errors.typeError("NotImplementedType takes no arguments");
            return PyNotImplemented.NOT_IMPLEMENTED;
        };
        PyType el = PyEllipsis.TYPE;
        el.flags &= ~PyType.BASETYPE;
        if (el.repr == PyType.OBJECT.repr) el.repr = o -> PyStr.intern("Ellipsis");
        el.newInstance = (type, args, kw) -> {
            if (args.length > 0) throw Errors.typeError("ellipsis takes no arguments");
            return PyEllipsis.ELLIPSIS;
        };
    }
}
