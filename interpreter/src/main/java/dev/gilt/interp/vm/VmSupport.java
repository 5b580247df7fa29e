package dev.gilt.interp.vm;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * Small helpers shared by the VM's object types and the eval loop: attribute lookup for the VM's
 * own types, exception creation, and the conversions the loop needs off its hot path.
 */
public final class VmSupport {
    private VmSupport() {}

    /**
     * Generic attribute lookup for the VM's builtin types (CPython's PyObject_GenericGetAttr):
     * data descriptors on the type, then the instance dict (may be null), then other type
     * attributes (bound through their {@code __get__}). Returns a new reference or null.
     */
    public static PyObject genericGetAttr(PyObject self, PyStr name, PyDict dict) {
        PyType t = self.type();
        PyObject d = t.lookup(name);
        if (d != null) {
            PyType dt = d.type();
            if (dt.descrGet != null && dt.descrSet != null) return dt.descrGet.get(d, self, t);
        }
        if (dict != null) {
            PyObject v = dict.getItemStr(name);
            if (v != null) return RefCount.newRef(v);
        }
        if (d != null) {
            PyType dt = d.type();
            if (dt.descrGet != null) return dt.descrGet.get(d, self, t);
            return RefCount.newRef(d);
        }
        return null;
    }

    /** The message of "'x' object has no attribute 'y'". */
    public static PyException noAttribute(PyObject o, PyStr name) {
        return Errors.noAttribute(o, name.value);
    }

    /**
     * Instantiates an exception class with the given (borrowed) arguments, as {@code raise E}
     * and {@code raise E(args)} do. Falls back to a plain instance when the type system has not
     * installed the exception types' constructors (early bootstrap, unit tests).
     */
    public static PyBaseException newException(PyType type, PyObject... args) {
        if (type.type().call != null) {
            PyObject r = Ops.call(type, args, null);
            if (r instanceof PyBaseException e) return e;
            String tn = r.type().name();
            RefCount.decref(r);
            throw Errors.typeError("calling %s should have returned an instance of BaseException, not %s",
                    type.name(), tn);
        }
        return new PyBaseException(type, PyTuple.of(args));
    }

    /** A new exception of {@code type} with one str argument. */
    public static PyException raise(PyType type, String msg) {
        PyStr m = PyStr.of(msg);
        try {
            return new PyException(newException(type, m));
        } finally {
            RefCount.decref(m);
        }
    }

    /** True if {@code o} is an exception class (a subtype of BaseException). */
    public static boolean isExceptionClass(PyObject o) {
        return o instanceof PyType t && t.isSubtypeOf(PyExc.BaseException);
    }

    /** None for a null pointer, else the object itself (borrowed in, new reference out). */
    public static PyObject orNone(PyObject o) {
        return RefCount.newRef(o == null ? PyNone.NONE : o);
    }

    /** str(exc) with a fallback for bootstrap (no exception __str__ installed yet). */
    public static String excStr(PyBaseException e) {
        try {
            if (e.type().str != null || e.type().repr != null) return Ops.strString(e);
        } catch (PyException x) {
            RefCount.decref(x.exc);
            return "<exception str() failed>";
        }
        if (e.args.size() == 0) return "";
        if (e.args.size() == 1) {
            PyObject a = e.args.get(0);
            if (a instanceof PyStr s) return s.value;
            try {
                return Ops.strString(a);
            } catch (PyException x) {
                RefCount.decref(x.exc);
                return String.valueOf(a);
            }
        }
        return e.messageForJava();
    }
}
