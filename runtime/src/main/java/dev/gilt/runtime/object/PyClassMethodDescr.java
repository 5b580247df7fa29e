package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;

/**
 * A class method of a builtin type ({@code classmethod_descriptor}, e.g. {@code int.from_bytes},
 * {@code float.fromhex}, {@code dict.fromkeys}): reached through the type or an instance, it binds
 * to the type (the instance's type), so {@code MyInt.from_bytes(...)} receives {@code MyInt}.
 * The implementation's {@code self} is that type.
 */
public final class PyClassMethodDescr extends PyObject {
    public static final PyType TYPE = PyType.builtin("classmethod_descriptor", PyClassMethodDescr.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.descrGet = (d, obj, type) -> ((PyClassMethodDescr) d).bind(type != null ? type : obj.type());
        TYPE.call = (d, args, kw) -> {
            PyClassMethodDescr m = (PyClassMethodDescr) d;
            if (args.length == 0 || (kw != null && args.length == kw.size()) || !(args[0] instanceof PyType t)) {
                throw Errors.typeError("descriptor '%s' of '%s' object needs a type", m.name, m.owner.name());
            }
            PyObject[] rest = new PyObject[args.length - 1];
            System.arraycopy(args, 1, rest, 0, rest.length);
            return PyBuiltinFunction.invoke(m.name, -1, m.impl, t, rest, kw);
        };
    }

    public final String name;
    public final PyType owner;
    private final Fn.FV impl;

    private PyClassMethodDescr(PyType owner, String name, Fn.FV impl) {
        this.owner = owner;
        this.name = name;
        this.impl = impl;
        RefCount.immortalize(this);
    }

    /** Defines {@code name} on {@code owner}; {@code impl} receives the (sub)type as self. */
    public static PyClassMethodDescr define(PyType owner, String name, Fn.FV impl) {
        PyClassMethodDescr d = new PyClassMethodDescr(owner, name, impl);
        owner.define(name, d);
        return d;
    }

    PyObject bind(PyType type) {
        if (!type.isSubtypeOf(owner)) {
            throw Errors.typeError("descriptor '%s' for type '%s' doesn't apply to type '%s'", name, owner.name(),
                    type.name());
        }
        return new PyBuiltinFunction(name, type, -1, impl, null);
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
