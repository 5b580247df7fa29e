package dev.gilt.runtime.object.collections;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;

/**
 * {@code classmethod_descriptor}: a builtin method that receives the class, such as
 * {@code dict.fromkeys}. Accessed through the class or an instance it binds to the class
 * (the instance's type). Immortal.
 */
public final class ClassMethodDescr extends PyObject {
    public static final PyType TYPE = PyType.builtin("classmethod_descriptor", ClassMethodDescr.class);

    /** The implementation: {@code cls} is the class it was bound to; args as {@code Fn.FV}. */
    @FunctionalInterface
    public interface Impl {
        PyObject call(PyType cls, PyObject[] args, PyTuple kwnames);
    }

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.descrGet = (d, obj, type) -> ((ClassMethodDescr) d).bind(type != null ? type : obj.type());
        TYPE.call = (d, args, kw) -> {
            ClassMethodDescr m = (ClassMethodDescr) d;
            int npos = args.length - (kw == null ? 0 : kw.size());
            if (npos < 1) {
                throw Errors.typeError("descriptor '%s' of '%s' object needs an argument", m.name, m.owner.name());
            }
            if (!(args[0] instanceof PyType cls) || !cls.isSubtypeOf(m.owner)) {
                throw Errors.typeError("descriptor '%s' for type '%s' needs a subtype of '%s' as arg 1", m.name,
                        m.owner.name(), m.owner.name());
            }
            PyObject[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            return m.impl.call(cls, rest, kw);
        };
        TYPE.repr = d -> PyStr.of("<method '" + ((ClassMethodDescr) d).name + "' of '"
                + ((ClassMethodDescr) d).owner.name() + "' objects>");
    }

    public final PyType owner;
    public final String name;
    private final Impl impl;

    private ClassMethodDescr(PyType owner, String name, Impl impl) {
        this.owner = owner;
        this.name = name;
        this.impl = impl;
        RefCount.immortalize(this);
    }

    /** Defines classmethod {@code name} in {@code owner}'s dict. */
    public static void define(PyType owner, String name, Impl impl) {
        owner.define(name, new ClassMethodDescr(owner, name, impl));
    }

    private PyObject bind(PyType cls) {
        return PyBuiltinFunction.of(name, cls, (dev.gilt.runtime.object.Fn.FV) (self, args, kw) -> impl.call((PyType) self, args, kw));
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
