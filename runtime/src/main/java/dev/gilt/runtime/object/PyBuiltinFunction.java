package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;

/**
 * A function or method written in Java ({@code builtin_function_or_method}), possibly bound to a
 * {@code self} (the module for module functions, the receiver for bound methods).
 * Fixed-arity forms check the argument count with CPython's messages; {@link Fn.FV} forms check
 * their own arguments (usually with {@link ArgParser}).
 */
public final class PyBuiltinFunction extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("builtin_function_or_method", PyBuiltinFunction.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.call = (self, args, kw) -> ((PyBuiltinFunction) self).invoke(args, kw);
    }

    public final String name;
    /** Receiver or module; may be null. Owned. */
    public PyObject self;
    /** -1 for FV; else the fixed number of arguments (0..3). */
    final int arity;
    final Object impl;
    public final String doc;

    PyBuiltinFunction(String name, PyObject self, int arity, Object impl, String doc) {
        this.name = name;
        this.self = self;
        RefCount.xincref(self);
        this.arity = arity;
        this.impl = impl;
        this.doc = doc;
    }

    public static PyBuiltinFunction of(String name, PyObject self, Fn.F0 f) {
        return new PyBuiltinFunction(name, self, 0, f, null);
    }

    public static PyBuiltinFunction of(String name, PyObject self, Fn.F1 f) {
        return new PyBuiltinFunction(name, self, 1, f, null);
    }

    public static PyBuiltinFunction of(String name, PyObject self, Fn.F2 f) {
        return new PyBuiltinFunction(name, self, 2, f, null);
    }

    public static PyBuiltinFunction of(String name, PyObject self, Fn.F3 f) {
        return new PyBuiltinFunction(name, self, 3, f, null);
    }

    public static PyBuiltinFunction of(String name, PyObject self, Fn.FV f) {
        return new PyBuiltinFunction(name, self, -1, f, null);
    }

    /** Same implementation bound to another receiver (used by method descriptors). */
    PyBuiltinFunction bind(PyObject receiver) {
        return new PyBuiltinFunction(name, receiver, arity, impl, doc);
    }

    /** Calls the implementation with an explicit receiver (the unbound fast path). */
    public static PyObject invoke(String name, int arity, Object impl, PyObject self, PyObject[] args, PyTuple kw) {
        if (arity < 0) return ((Fn.FV) impl).call(self, args, kw);
        if (kw != null && kw.size() > 0) throw Errors.typeError("%s() takes no keyword arguments", name);
        if (args.length != arity) {
            if (arity == 0) throw Errors.typeError("%s() takes no arguments (%d given)", name, args.length);
            if (arity == 1) throw Errors.typeError("%s() takes exactly one argument (%d given)", name, args.length);
            throw Errors.typeError("%s expected %d arguments, got %d", name, arity, args.length);
        }
        return switch (arity) {
            case 0 -> ((Fn.F0) impl).call(self);
            case 1 -> ((Fn.F1) impl).call(self, args[0]);
            case 2 -> ((Fn.F2) impl).call(self, args[0], args[1]);
            default -> ((Fn.F3) impl).call(self, args[0], args[1], args[2]);
        };
    }

    PyObject invoke(PyObject[] args, PyTuple kw) {
        return invoke(name, arity, impl, self, args, kw);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public void traverse(Visitor v) {
        if (self != null) v.visit(self);
    }

    @Override
    public void releaseReferences() {
        PyObject s = self;
        self = null;
        RefCount.xdecref(s);
    }
}
