package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;

/**
 * A method of a builtin type as it sits in the type's dict ({@code method_descriptor}, e.g.
 * {@code list.append}). Accessed through an instance it binds into a builtin method; called
 * directly it takes the receiver as first argument. The VM's method-call path
 * ({@code LOAD_ATTR} with the method bit) calls {@link #callUnbound} without binding.
 *
 * <p>Typical definition, in the type's static initialiser:
 * <pre>
 *   PyMethodDescr.define(TYPE, "append", (Fn.F1) (self, x) -&gt; ((PyList) self).append(x));
 * </pre>
 */
public final class PyMethodDescr extends PyObject {
    public static final PyType TYPE = PyType.builtin("method_descriptor", PyMethodDescr.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.descrGet = (d, obj, type) -> obj == null ? RefCount.newRef(d) : ((PyMethodDescr) d).bind(obj);
        TYPE.call = (d, args, kw) -> {
            PyMethodDescr m = (PyMethodDescr) d;
            if (args.length == 0 || (kw != null && args.length == kw.size())) {
                throw Errors.typeError("unbound method %s.%s() needs an argument", m.owner.name(), m.name);
            }
            PyObject[] rest = new PyObject[args.length - 1];
            System.arraycopy(args, 1, rest, 0, rest.length);
            return m.callUnbound(args[0], rest, kw);
        };
    }

    public final String name;
    public final PyType owner;
    final int arity;
    final Object impl;

    private PyMethodDescr(PyType owner, String name, int arity, Object impl) {
        this.owner = owner;
        this.name = name;
        this.arity = arity;
        this.impl = impl;
        RefCount.immortalize(this);
    }

    private static PyMethodDescr define(PyType owner, String name, int arity, Object impl) {
        PyMethodDescr d = new PyMethodDescr(owner, name, arity, impl);
        owner.define(name, d);
        return d;
    }

    public static PyMethodDescr define(PyType owner, String name, Fn.F0 f) {
        return define(owner, name, 0, f);
    }

    public static PyMethodDescr define(PyType owner, String name, Fn.F1 f) {
        return define(owner, name, 1, f);
    }

    public static PyMethodDescr define(PyType owner, String name, Fn.F2 f) {
        return define(owner, name, 2, f);
    }

    public static PyMethodDescr define(PyType owner, String name, Fn.F3 f) {
        return define(owner, name, 3, f);
    }

    public static PyMethodDescr define(PyType owner, String name, Fn.FV f) {
        return define(owner, name, -1, f);
    }

    /** Calls with {@code self} as receiver (type-checked as CPython's descriptor does). */
    public PyObject callUnbound(PyObject self, PyObject[] args, PyTuple kw) {
        if (!self.type().isSubtypeOf(owner)) {
            throw Errors.typeError("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name,
                    owner.name(), self.type().name());
        }
        return PyBuiltinFunction.invoke(name, arity, impl, self, args, kw);
    }

    PyObject bind(PyObject obj) {
        if (!obj.type().isSubtypeOf(owner)) {
            throw Errors.typeError("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name,
                    owner.name(), obj.type().name());
        }
        return new PyBuiltinFunction(name, obj, arity, impl, null);
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
