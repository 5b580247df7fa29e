package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.Slots;

/**
 * {@code classmethod(f)}: {@code __get__(obj, cls)} binds f to the class. As in CPython 3.9-3.12,
 * a wrapped object that is itself a descriptor is bound through its own {@code __get__} (so a
 * classmethod around a property-like object chains).
 */
public final class PyClassMethod extends WrappingDescr {
    public static final PyType TYPE = PyType.builtin("classmethod", PyClassMethod.class);

    static {
        setUp(TYPE, "classmethod");
        TYPE.newInstance = (type, args, kw) -> new PyClassMethod(type, null);
        TYPE.descrGet = (d, obj, type) -> {
            PyObject c = ((PyClassMethod) d).callableOrRaise();
            PyType cls = type != null ? type : obj.type();
            Slots.DescrGet g = c.type().descrGet;
            // As CPython 3.12: bind through the callable's own __get__ (a function makes its
            // usual bound method, with the class as receiver).
            if (g != null) return g.get(c, cls, cls);
            return new PyMethod(c, cls);
        };
    }

    PyClassMethod(PyType type, PyObject callable) {
        super(type, callable);
    }

    /** {@code classmethod(f)} as a new reference. */
    public static PyClassMethod of(PyObject f) {
        PyClassMethod c = new PyClassMethod(TYPE, f);
        c.copyAttributes();
        return c;
    }

    /** The wrapped callable (borrowed). */
    public PyObject callable() {
        return callable;
    }

    /** A Java implementation taking the class first. */
    @FunctionalInterface
    public interface ClassFn {
        PyObject call(PyObject cls, PyObject[] args, PyTuple kwnames);
    }

    /** A classmethod around a Java function (for builtin types' dicts); an immortal object. */
    public static PyClassMethod ofBuiltin(PyType owner, String name, ClassFn fn) {
        PyBuiltinFunction f = PyBuiltinFunction.of(name, null, (Fn.FV) (self, args, kw) -> {
            int nkw = kw == null ? 0 : kw.size();
            if (args.length - nkw < 1) throw Errors.typeError("descriptor '%s' of '%s' object needs an argument", name, owner.name());
            PyObject[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            return fn.call(args[0], rest, kw);
        });
        PyClassMethod c = new PyClassMethod(TYPE, f);
        RefCount.decref(f);
        return RefCount.immortalize(c);
    }
}
