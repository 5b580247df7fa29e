package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.HasDict;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/** {@code staticmethod(f)}: {@code __get__} returns f itself; also callable (3.10+). */
public final class PyStaticMethod extends WrappingDescr {
    public static final PyType TYPE = PyType.builtin("staticmethod", PyStaticMethod.class);

    static {
        setUp(TYPE, "staticmethod");
        TYPE.newInstance = (type, args, kw) -> new PyStaticMethod(type, null);
        TYPE.descrGet = (d, obj, type) -> RefCount.newRef(((PyStaticMethod) d).callableOrRaise());
        TYPE.call = (d, args, kw) -> Ops.call(((PyStaticMethod) d).callableOrRaise(), args, kw);
    }

    PyStaticMethod(PyType type, PyObject callable) {
        super(type, callable);
    }

    /** {@code staticmethod(f)} as a new reference. */
    public static PyStaticMethod of(PyObject f) {
        PyStaticMethod s = new PyStaticMethod(TYPE, f);
        s.copyAttributes();
        return s;
    }

    /** The wrapped callable (borrowed). */
    public PyObject callable() {
        return callable;
    }
}
