package dev.gilt.interp.vm;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyByteArray;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The semantics of the structural pattern matching instructions (MATCH_MAPPING, MATCH_SEQUENCE,
 * MATCH_KEYS, MATCH_CLASS), as CPython 3.12's ceval helpers define them. Arguments borrowed,
 * results new references.
 */
final class VmMatch {
    private VmMatch() {}

    /** Mapping for pattern matching: dict and its subclasses, or a registered collections.abc.Mapping. */
    static boolean isMapping(PyObject subject) {
        PyType t = subject.type();
        if (t.isSubtypeOf(PyType.DICT)) return true;
        return abcInstance(subject, "Mapping");
    }

    /** Sequence for pattern matching: never str, bytes or bytearray. */
    static boolean isSequence(PyObject subject) {
        PyType t = subject.type();
        if (t.isSubtypeOf(PyStr.TYPE) || t.isSubtypeOf(PyBytes.TYPE) || t.isSubtypeOf(PyByteArray.TYPE)) return false;
        if (t.isSubtypeOf(PyList.TYPE) || t.isSubtypeOf(PyTuple.TYPE)) return true;
        String n = t.name();
        if (!t.isHeapType() && (n.equals("range") || n.equals("memoryview") || n.equals("deque"))) return true;
        return abcInstance(subject, "Sequence");
    }

    /** isinstance(subject, collections.abc.NAME), if collections.abc has been imported. */
    private static boolean abcInstance(PyObject subject, String name) {
        var interp = dev.gilt.runtime.Interp.main();
        if (interp == null) return false;
        PyObject abc = interp.modules.getItem(PyStr.intern("collections.abc"));
        if (abc == null) return false;
        PyObject cls = Ops.lookupAttr(abc, PyStr.intern(name));
        if (cls == null) return false;
        try {
            PyObject isinst = interp.builtins.get("isinstance");
            if (isinst == null) return false;
            PyObject r = Ops.call(isinst, subject, cls);
            boolean b = Ops.isTrue(r);
            RefCount.decref(r);
            return b;
        } finally {
            RefCount.decref(cls);
        }
    }

    /** A tuple of subject[k] for each key, or None if one is missing. */
    static PyObject matchKeys(PyObject subject, PyObject keysObj) {
        PyTuple keys = (PyTuple) keysObj;
        if (keys.size() == 0) return PyTuple.EMPTY;
        PyObject get = Ops.getAttr(subject, "get");
        PyObject dummy = new PyList();
        List<PyObject> seen = new ArrayList<>();
        PyObject[] values = new PyObject[keys.size()];
        int got = 0;
        try {
            for (int i = 0; i < keys.size(); i++) {
                PyObject k = keys.get(i);
                for (PyObject s : seen) {
                    if (Ops.eqBool(s, k)) {
                        throw Errors.valueError("mapping pattern checks duplicate key (%s)", Ops.reprString(k));
                    }
                }
                seen.add(k);
                PyObject v = Ops.call(get, k, dummy);
                if (v == dummy) {
                    RefCount.decref(v);
                    for (int j = 0; j < got; j++) RefCount.decref(values[j]);
                    return PyNone.NONE;
                }
                values[got++] = v;
            }
            return PyTuple.steal(values);
        } finally {
            RefCount.decref(get);
            RefCount.decref(dummy);
        }
    }

    /** Types whose single positional sub-pattern matches the subject itself. */
    private static boolean matchesSelf(PyType cls) {
        return cls == PyBool.TYPE || cls == PyByteArray.TYPE || cls == PyBytes.TYPE || cls == PyType.DICT
                || cls == PyFloat.TYPE || cls == PyInt.TYPE || cls == PyList.TYPE || cls == PyStr.TYPE
                || cls == PyTuple.TYPE || cls.name().equals("set") && !cls.isHeapType()
                || cls.name().equals("frozenset") && !cls.isHeapType();
    }

    /** MATCH_CLASS: attributes for the sub-patterns, or None. */
    static PyObject matchClass(PyObject subject, PyObject clsObj, PyObject namesObj, int npos) {
        if (!(clsObj instanceof PyType cls)) throw Errors.typeError("called match pattern must be a class");
        PyTuple names = (PyTuple) namesObj;
        if (!subject.type().isSubtypeOf(cls)) {
            // Honour __instancecheck__ through builtins.isinstance.
            PyObject isinst = dev.gilt.runtime.Interp.main().builtins.get("isinstance");
            PyObject r = Ops.call(isinst, subject, cls);
            boolean ok = Ops.isTrue(r);
            RefCount.decref(r);
            if (!ok) return PyNone.NONE;
        }
        List<PyObject> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            if (npos > 0) {
                PyObject matchArgs = Ops.lookupAttr(cls, PyStr.intern("__match_args__"));
                if (matchArgs == null) {
                    if (matchesSelf(cls)) {
                        if (npos > 1) {
                            throw Errors.typeError("%s() accepts 1 positional sub-pattern (%d given)", cls.name(), npos);
                        }
                        out.add(RefCount.newRef(subject));
                    } else {
                        throw Errors.typeError("%s() accepts 0 positional sub-patterns (%d given)", cls.name(), npos);
                    }
                } else {
                    try {
                        if (!(matchArgs instanceof PyTuple ma)) {
                            throw Errors.typeError("%s.__match_args__ must be a tuple (got %s)", cls.name(),
                                    matchArgs.type().name());
                        }
                        if (npos > ma.size()) {
                            throw Errors.typeError("%s() accepts %d positional sub-pattern%s (%d given)", cls.name(),
                                    ma.size(), ma.size() == 1 ? "" : "s", npos);
                        }
                        for (int i = 0; i < npos; i++) {
                            if (!(ma.get(i) instanceof PyStr an)) {
                                throw Errors.typeError("__match_args__ elements must be strings (got %s)",
                                        ma.get(i).type().name());
                            }
                            if (!seen.add(an.value)) {
                                throw Errors.typeError("%s() got multiple sub-patterns for attribute '%s'", cls.name(),
                                        an.value);
                            }
                            PyObject v = Ops.lookupAttr(subject, PyStr.intern(an.value));
                            if (v == null) return PyNone.NONE;
                            out.add(v);
                        }
                    } finally {
                        RefCount.decref(matchArgs);
                    }
                }
            }
            for (int i = 0; i < names.size(); i++) {
                PyStr n = (PyStr) names.get(i);
                if (!seen.add(n.value)) {
                    throw Errors.typeError("%s() got multiple sub-patterns for attribute '%s'", cls.name(), n.value);
                }
                PyObject v = Ops.lookupAttr(subject, n);
                if (v == null) return PyNone.NONE;
                out.add(v);
            }
            PyObject r = PyTuple.steal(out.toArray(new PyObject[0]));
            out.clear();
            return r;
        } finally {
            for (PyObject o : out) RefCount.decref(o);
        }
    }
}
