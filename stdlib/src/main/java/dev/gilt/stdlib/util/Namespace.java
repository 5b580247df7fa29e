package dev.gilt.stdlib.util;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import java.util.IdentityHashMap;

/**
 * {@code types.SimpleNamespace}: attribute access over a dict. Used for sys.implementation and
 * exported by the {@code types} module (which finds it as {@code type(sys.implementation)}).
 */
public final class Namespace extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("SimpleNamespace", Namespace.class);

    /** The attributes (owned). */
    public final PyDict dict = new PyDict();

    public Namespace() {}

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Sets an attribute (the dict takes its own reference). */
    public Namespace set(String name, PyObject value) {
        dict.setItem(PyStr.intern(name), value);
        return this;
    }

    /** Sets an attribute, consuming the caller's reference. */
    public Namespace setSteal(String name, PyObject value) {
        dict.setItem(PyStr.intern(name), value);
        RefCount.decref(value);
        return this;
    }

    private static final ThreadLocal<IdentityHashMap<PyObject, Boolean>> REPR_GUARD =
            ThreadLocal.withInitial(IdentityHashMap::new);

    static {
        TYPE.define("__module__", PyStr.intern("types"));
        TYPE.getattr = (self, name) -> {
            Namespace ns = (Namespace) self;
            if (name.value.equals("__dict__")) return RefCount.newRef(ns.dict);
            PyObject v = ns.dict.getItemStr(name);
            if (v != null) return RefCount.newRef(v);
            return Attr.getattr(self, name);
        };
        TYPE.setattr = (self, name, value) -> {
            Namespace ns = (Namespace) self;
            if (value == null) {
                if (!ns.dict.delItem(name)) {
                    throw Errors.attributeError("'types.SimpleNamespace' object has no attribute '%s'", name.value);
                }
            } else {
                ns.dict.setItem(name, value);
            }
        };
        TYPE.repr = self -> {
            Namespace ns = (Namespace) self;
            var guard = REPR_GUARD.get();
            if (guard.containsKey(self)) return PyStr.of("namespace(...)");
            guard.put(self, Boolean.TRUE);
            try {
                StringBuilder sb = new StringBuilder("namespace(");
                boolean first = true;
                for (int i = 0; i < ns.dict.entrySlots(); i++) {
                    PyObject k = ns.dict.keyAt(i);
                    if (k == null) continue;
                    if (!first) sb.append(", ");
                    first = false;
                    sb.append(k instanceof PyStr s ? s.value : Ops.strString(k)).append('=')
                            .append(Args.repr(ns.dict.valueAt(i)));
                }
                return PyStr.of(sb.append(')').toString());
            } finally {
                guard.remove(self);
            }
        };
        TYPE.richcompare = (a, b, op) -> {
            if (!(b instanceof Namespace nb) || (op != Ops.EQ && op != Ops.NE)) return PyNotImplemented.NOT_IMPLEMENTED;
            Namespace na = (Namespace) a;
            boolean eq = na.dict.size() == nb.dict.size();
            for (int i = 0; eq && i < na.dict.entrySlots(); i++) {
                PyObject k = na.dict.keyAt(i);
                if (k == null) continue;
                PyObject v = nb.dict.getItem(k);
                eq = v != null && Ops.compareBool(na.dict.valueAt(i), v, Ops.EQ);
            }
            return PyBool.of(op == Ops.EQ ? eq : !eq);
        };
        TYPE.newInstance = (type, args, kw) -> {
            int nkw = kw == null ? 0 : kw.size();
            int npos = args.length - nkw;
            if (npos > 0) throw Errors.typeError("no positional arguments expected");
            Namespace ns = new Namespace();
            for (int i = 0; i < nkw; i++) ns.dict.setItem(kw.get(i), args[npos + i]);
            return ns;
        };
        TYPE.init = (self, args, kw) -> { };
    }

    @Override
    public void traverse(Visitor v) {
        v.visit(dict);
    }

    @Override
    public void releaseReferences() {
        dict.clear();
    }

}
