package dev.gilt.stdlib.util;

import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/** Raising exceptions whose constructors set attributes (SystemExit.code, StopIteration.value...). */
public final class Exc {
    private Exc() {}

    /**
     * {@code type(*args)} as a throwable: through the type's constructor when the type system is
     * installed (so __init__ sets the attributes), else built directly with {@code attrs} (pairs
     * of name, value) stored in the instance dict. Arguments are borrowed.
     */
    public static PyException make(PyType type, PyObject[] args, Object... attrs) {
        if (PyType.TYPE.call != null && type.newInstance != null) {
            PyObject e = Ops.call(type, args);
            if (e instanceof PyBaseException be) return new PyException(be);
            RefCount.decref(e);
        }
        PyBaseException be = new PyBaseException(type, PyTuple.of(args));
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            be.dict().setItem(PyStr.intern((String) attrs[i]), (PyObject) attrs[i + 1]);
        }
        return new PyException(be);
    }
}
