package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.ThreadState;

/**
 * {@code isinstance} and {@code issubclass} (CPython's PyObject_IsInstance / IsSubclass): tuples
 * (nested) and unions of classes, the {@code __instancecheck__} / {@code __subclasscheck__} hooks
 * of metaclasses (ABCMeta), and the {@code __class__} / {@code __bases__} protocol for objects
 * that only pretend to be classes.
 */
public final class InstanceChecks {
    private InstanceChecks() {}

    private static final PyStr INSTANCECHECK = PyStr.intern("__instancecheck__"),
            SUBCLASSCHECK = PyStr.intern("__subclasscheck__"), CLASS = PyStr.intern("__class__"),
            BASES = PyStr.intern("__bases__");

    public static boolean isInstance(PyObject inst, PyObject cls) {
        if (inst.type() == cls) return true;
        if (cls instanceof PyType ct && ct.type() == PyType.TYPE) return recursiveIsInstance(inst, cls);
        if (cls instanceof UnionType u) cls = u.args;
        if (cls instanceof PyTuple t) {
            enter(" in __instancecheck__");
            try {
                for (PyObject c : t.items) if (isInstance(inst, c)) return true;
                return false;
            } finally {
                leave();
            }
        }
        PyObject checker = Dunder.lookupSpecial(cls, INSTANCECHECK);
        if (checker != null) {
            enter(" in __instancecheck__");
            try {
                PyObject r = Ops.call(checker, inst);
                try {
                    return Ops.isTrue(r);
                } finally {
                    RefCount.decref(r);
                }
            } finally {
                leave();
                RefCount.decref(checker);
            }
        }
        return recursiveIsInstance(inst, cls);
    }

    public static boolean isSubclass(PyObject derived, PyObject cls) {
        if (cls instanceof PyType ct && ct.type() == PyType.TYPE) {
            if (derived == cls) return true;
            return recursiveIsSubclass(derived, cls);
        }
        if (cls instanceof UnionType u) cls = u.args;
        if (cls instanceof PyTuple t) {
            enter(" in __subclasscheck__");
            try {
                for (PyObject c : t.items) if (isSubclass(derived, c)) return true;
                return false;
            } finally {
                leave();
            }
        }
        PyObject checker = Dunder.lookupSpecial(cls, SUBCLASSCHECK);
        if (checker != null) {
            enter(" in __subclasscheck__");
            try {
                PyObject r = Ops.call(checker, derived);
                try {
                    return Ops.isTrue(r);
                } finally {
                    RefCount.decref(r);
                }
            } finally {
                leave();
                RefCount.decref(checker);
            }
        }
        return recursiveIsSubclass(derived, cls);
    }

    /** type.__instancecheck__: the check without the hook. */
    static boolean recursiveIsInstance(PyObject inst, PyObject cls) {
        if (cls instanceof PyType ct) {
            if (inst.type().isSubtypeOf(ct)) return true;
            PyObject c = lookupAttr(inst, CLASS);
            if (c == null) return false;
            try {
                return c != inst.type() && c instanceof PyType icls && icls.isSubtypeOf(ct);
            } finally {
                RefCount.decref(c);
            }
        }
        if (!isClassLike(cls)) {
            throw Errors.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
        }
        PyObject icls = lookupAttr(inst, CLASS);
        if (icls == null) return false;
        try {
            return abstractIsSubclass(icls, cls);
        } finally {
            RefCount.decref(icls);
        }
    }

    /** type.__subclasscheck__: the check without the hook. */
    static boolean recursiveIsSubclass(PyObject derived, PyObject cls) {
        if (cls instanceof PyType ct && derived instanceof PyType dt) return dt.isSubtypeOf(ct);
        if (!isClassLike(derived)) throw Errors.typeError("issubclass() arg 1 must be a class");
        if (!(cls instanceof UnionType) && !isClassLike(cls)) {
            throw Errors.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        }
        return abstractIsSubclass(derived, cls);
    }

    private static PyObject lookupAttr(PyObject o, PyStr name) {
        return Ops.lookupAttr(o, name);
    }

    private static PyTuple bases(PyObject o) {
        PyObject b;
        try {
            b = Ops.lookupAttr(o, BASES);
        } catch (PyException e) {
            throw e;
        }
        if (b instanceof PyTuple t) return t;
        RefCount.xdecref(b);
        return null;
    }

    private static boolean isClassLike(PyObject o) {
        if (o instanceof PyType) return true;
        PyTuple b = bases(o);
        if (b == null) return false;
        RefCount.decref(b);
        return true;
    }

    private static boolean abstractIsSubclass(PyObject derived, PyObject cls) {
        while (true) {
            if (derived == cls) return true;
            PyTuple b = bases(derived);
            if (b == null) return false;
            try {
                int n = b.size();
                if (n == 0) return false;
                if (n == 1) {
                    derived = b.get(0);
                    continue;
                }
                for (PyObject x : b.items) if (abstractIsSubclass(x, cls)) return true;
                return false;
            } finally {
                RefCount.decref(b);
            }
        }
    }

    private static void enter(String where) {
        ThreadState ts = ThreadState.current();
        if (++ts.recursionDepth > ThreadState.recursionLimit) {
            ts.recursionDepth--;
            throw Errors.of(dev.gilt.runtime.error.PyExc.RecursionError, "maximum recursion depth exceeded" + where);
        }
    }

    private static void leave() {
        ThreadState.current().recursionDepth--;
    }
}
