package dev.gilt.runtime.error;

import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;

/**
 * Factories for the exceptions the runtime raises, so every message matches CPython's wording in
 * one place. Each returns the throwable: {@code throw Errors.typeError("...")}.
 */
public final class Errors {
    private Errors() {}

    /** An exception of {@code type} with a single str argument. */
    public static PyException of(PyType type, String message) {
        return new PyException(new PyBaseException(type, PyTuple.steal(PyStr.of(message))));
    }

    /** An exception of {@code type} with no arguments. */
    public static PyException of(PyType type) {
        return new PyException(new PyBaseException(type, PyTuple.EMPTY));
    }

    /** An exception whose args are (borrowed) {@code args}. */
    public static PyException withArgs(PyType type, PyObject... args) {
        return new PyException(new PyBaseException(type, PyTuple.of(args)));
    }

    public static PyException typeError(String fmt, Object... args) {
        return of(PyExc.TypeError, args.length == 0 ? fmt : String.format(fmt, args));
    }

    public static PyException valueError(String fmt, Object... args) {
        return of(PyExc.ValueError, args.length == 0 ? fmt : String.format(fmt, args));
    }

    public static PyException indexError(String msg) {
        return of(PyExc.IndexError, msg);
    }

    /** KeyError(key): the key itself is the argument, as CPython. */
    public static PyException keyError(PyObject key) {
        return withArgs(PyExc.KeyError, key);
    }

    public static PyException attributeError(String fmt, Object... args) {
        return of(PyExc.AttributeError, args.length == 0 ? fmt : String.format(fmt, args));
    }

    public static PyException nameError(String name) {
        return of(PyExc.NameError, "name '" + name + "' is not defined");
    }

    public static PyException zeroDivision(String msg) {
        return of(PyExc.ZeroDivisionError, msg);
    }

    public static PyException overflow(String msg) {
        return of(PyExc.OverflowError, msg);
    }

    public static PyException runtimeError(String msg) {
        return of(PyExc.RuntimeError, msg);
    }

    public static PyException stopIteration() {
        return of(PyExc.StopIteration);
    }

    /** A bug inside Gilt surfaced as Python's SystemError (DESIGN.md "Errors"). */
    public static PyException systemError(String msg) {
        return of(PyExc.SystemError, msg);
    }

    /** "unsupported operand type(s) for +: 'int' and 'str'". */
    public static PyException unsupported(String op, PyObject a, PyObject b) {
        return typeError("unsupported operand type(s) for %s: '%s' and '%s'", op, a.type().name(), b.type().name());
    }

    /** "'<' not supported between instances of 'int' and 'str'". */
    public static PyException notOrderable(String op, PyObject a, PyObject b) {
        return typeError("'%s' not supported between instances of '%s' and '%s'", op, a.type().name(), b.type().name());
    }

    /**
     * "'X' object has no attribute 'y'" ("type object 'X' ..." for classes, "module 'm' ..." for
     * modules), with the error's name and obj attributes set as CPython 3.10+ does.
     */
    public static PyException noAttribute(PyObject o, String name) {
        PyException e;
        if (o instanceof PyType t) {
            e = attributeError("type object '%s' has no attribute '%s'", t.name(), name);
        } else if (o instanceof dev.gilt.runtime.module.PyModule m) {
            e = attributeError("module '%s' has no attribute '%s'", m.name(), name);
        } else {
            e = attributeError("'%s' object has no attribute '%s'", o.type().name(), name);
        }
        dev.gilt.runtime.types.ExceptionTypes.setAttributeErrorContext(e.exc, PyStr.intern(name), o);
        return e;
    }

    public static PyException notCallable(PyObject o) {
        return typeError("'%s' object is not callable", o.type().name());
    }

    public static PyException notIterable(PyObject o) {
        return typeError("'%s' object is not iterable", o.type().name());
    }

    public static PyException notSubscriptable(PyObject o) {
        return typeError("'%s' object is not subscriptable", o.type().name());
    }

    public static PyException unhashable(PyObject o) {
        return typeError("unhashable type: '%s'", o.type().name());
    }
}
