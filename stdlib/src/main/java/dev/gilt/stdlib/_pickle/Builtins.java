package dev.gilt.stdlib._pickle;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyByteArray;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyComplex;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyEllipsis;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyFrozenSet;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PySet;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.PyMethod;
import java.util.Set;

/**
 * How the pickler reduces objects that have no opcode of their own: the builtin callables that
 * CPython reduces by name or through {@code getattr} (builtin functions, method descriptors,
 * bound methods), CPython's "cannot pickle 'X' object" for builtin objects whose state lives
 * outside Python (locks, generators, modules, files), and otherwise
 * {@code obj.__reduce_ex__(protocol)} or {@code obj.__reduce__()}.
 */
final class Builtins {
    private Builtins() {}

    /**
     * Builtin (non-heap) types whose instances the default object reduction pickles correctly:
     * their state is their value (passed to __new__ through __getnewargs__), their items (list
     * and dict subclasses) or nothing at all (object).
     */
    private static final Set<PyType> VALUE_BASES = Set.of(PyType.OBJECT, PyInt.TYPE, PyFloat.TYPE, PyComplex.TYPE,
            PyStr.TYPE, PyBytes.TYPE, PyByteArray.TYPE, PyTuple.TYPE, PyList.TYPE, PyType.DICT, PySet.TYPE,
            PyFrozenSet.TYPE);

    /** The reduce value for {@code obj} (new reference): a str (save by name) or a tuple. */
    static PyObject reduce(Pickler p, PyObject obj, PyType t) {
        if (obj instanceof PyBuiltinFunction bf) {
            if (bf.self == null || bf.self instanceof PyModule) {
                PyObject q = Ops.lookupAttr(obj, PyStr.intern("__qualname__"));
                if (q instanceof PyStr) return q;
                RefCount.xdecref(q);
                return PyStr.of(bf.name);
            }
            return getattrReduce(bf.self, bf.name);
        }
        if (obj instanceof PyMethodDescr md) return getattrReduce(md.owner, md.name);
        if (obj instanceof PyMethod pm) {
            PyObject name = Ops.getAttr(pm.func, "__name__");
            try {
                return PyTuple.steal(PickleModule.builtin("getattr"), PyTuple.of(pm.self, name));
            } finally {
                RefCount.decref(name);
            }
        }
        if (obj == PyEllipsis.ELLIPSIS) return PyStr.of("Ellipsis");
        if (obj == PyNotImplemented.NOT_IMPLEMENTED) return PyStr.of("NotImplemented");
        if (usesDefaultReduce(t)) {
            PyType solid = solidBase(t);
            if (!VALUE_BASES.contains(solid) && !(obj instanceof PyBaseException)) {
                throw Errors.typeError("cannot pickle '%s' object", typeName(t));
            }
        }
        PyObject reduceEx = Ops.lookupAttr(obj, PyStr.intern("__reduce_ex__"));
        if (reduceEx != null) {
            PyObject proto = PyInt.of(p.proto);
            try {
                return Ops.call(reduceEx, proto);
            } finally {
                RefCount.decref(proto);
                RefCount.decref(reduceEx);
            }
        }
        PyObject reduce = Ops.lookupAttr(obj, PyStr.intern("__reduce__"));
        if (reduce != null) {
            try {
                return Ops.call(reduce);
            } finally {
                RefCount.decref(reduce);
            }
        }
        throw PickleModule.picklingError("can't pickle '%s' object: %s", typeName(t), Ops.reprString(obj));
    }

    private static PyObject getattrReduce(PyObject owner, String name) {
        return PyTuple.steal(PickleModule.builtin("getattr"), PyTuple.steal(RefCount.newRef(owner), PyStr.of(name)));
    }

    /** True when neither __reduce_ex__, __reduce__ nor __getstate__ is overridden below object. */
    private static boolean usesDefaultReduce(PyType t) {
        for (String n : new String[] {"__reduce_ex__", "__reduce__", "__getstate__", "__getnewargs__", "__getnewargs_ex__"}) {
            PyObject mine = t.lookup(n);
            PyObject base = PyType.OBJECT.lookup(n);
            if (mine != base) return false;
        }
        return true;
    }

    /** The first builtin (Java-implemented) type in the MRO: where the object's layout comes from. */
    private static PyType solidBase(PyType t) {
        for (PyType m : t.mro) {
            if (!m.isHeapType()) return m;
        }
        return PyType.OBJECT;
    }

    /** CPython's tp_name: "module.name" for types of extension modules, the bare name for core ones. */
    static String typeName(PyType t) {
        if (t.isHeapType()) return t.name();
        PyObject m = t.dict.getItemStr(PyStr.intern("__module__"));
        if (m instanceof PyStr s && !s.value.equals("builtins")) return s.value + "." + t.name();
        return t.name();
    }

    /** f(*args, **kw) with kw a dict (borrowed arguments; new reference). */
    static PyObject callWithKw(PyObject f, PyObject[] args, PyDict kw) {
        int n = kw.size();
        PyObject[] all = new PyObject[args.length + n];
        System.arraycopy(args, 0, all, 0, args.length);
        PyObject[] names = new PyObject[n];
        int k = 0;
        for (int i = 0; i < kw.entrySlots(); i++) {
            PyObject key = kw.keyAt(i);
            if (key == null) continue;
            names[k] = key;
            all[args.length + k] = kw.valueAt(i);
            k++;
        }
        PyTuple kwnames = PyTuple.of(names);
        try {
            return Ops.call(f, all, n == 0 ? null : kwnames);
        } finally {
            RefCount.decref(kwnames);
        }
    }
}
