package dev.gilt.runtime.object;

/**
 * Shapes of builtin functions and methods written in Java. {@code self} is the receiver for a
 * method, the module for a module-level function. Arguments borrowed, result a new reference.
 */
public final class Fn {
    private Fn() {}

    @FunctionalInterface
    public interface F0 {
        PyObject call(PyObject self);
    }

    @FunctionalInterface
    public interface F1 {
        PyObject call(PyObject self, PyObject a);
    }

    @FunctionalInterface
    public interface F2 {
        PyObject call(PyObject self, PyObject a, PyObject b);
    }

    @FunctionalInterface
    public interface F3 {
        PyObject call(PyObject self, PyObject a, PyObject b, PyObject c);
    }

    /** Any signature: positional arguments then keyword values named by {@code kwnames} (or null). */
    @FunctionalInterface
    public interface FV {
        PyObject call(PyObject self, PyObject[] args, PyTuple kwnames);
    }
}
