package dev.gilt.runtime.types;

import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * Test helpers: a stand-in for the interpreter's Python function ({@code function}: binds as a
 * method, calls a Java lambda), class creation through {@code type(name, bases, ns)}, and short
 * forms for common operations.
 */
final class Py {
    private Py() {}

    /** A Python-level function simulated in Java: a method descriptor that binds into PyMethod. */
    static final class Func extends PyGcObject {
        static final PyType TYPE = PyType.builtin("function", Func.class);

        static {
            TYPE.flags |= PyType.METHOD_DESCRIPTOR | PyType.WEAKREFABLE;
            TYPE.flags &= ~PyType.BASETYPE;
            TYPE.descrGet = (f, obj, type) -> obj == null ? RefCount.newRef(f) : new PyMethod(f, obj);
            TYPE.call = (f, args, kw) -> ((Func) f).body.call(null, args, kw);
            TYPE.repr = f -> PyStr.of("<function " + ((Func) f).qualname + " at 0x" + Long.toHexString(RefCount.id(f)) + ">");
            TYPE.getattr = (f, name) -> {
                Func fn = (Func) f;
                if (name.value.equals("__name__")) return PyStr.of(fn.name);
                if (name.value.equals("__qualname__")) return PyStr.of(fn.qualname);
                return GenericAttr.getAttr(f, name);
            };
        }

        final String name;
        String qualname;
        final Fn.FV body;

        Func(String name, Fn.FV body) {
            this.name = name;
            this.qualname = name;
            this.body = body;
        }

        @Override
        public PyType type() {
            return TYPE;
        }
    }

    static Func fn(String name, Fn.FV body) {
        return new Func(name, body);
    }

    static Func fn1(String name, Fn.F1 body) {
        return new Func(name, (s, a, kw) -> body.call(null, a[0]));
    }

    static Func fn2(String name, Fn.F2 body) {
        return new Func(name, (s, a, kw) -> body.call(null, a[0], a[1]));
    }

    static Func fn3(String name, Fn.F3 body) {
        return new Func(name, (s, a, kw) -> body.call(null, a[0], a[1], a[2]));
    }

    static PyStr s(String v) {
        return PyStr.of(v);
    }

    static PyInt i(long v) {
        return PyInt.of(v);
    }

    /** A namespace dict from alternating names and values (values borrowed... and leaked: tests). */
    static PyDict ns(Object... kv) {
        PyDict d = new PyDict();
        for (int k = 0; k < kv.length; k += 2) d.setItem(PyStr.intern((String) kv[k]), (PyObject) kv[k + 1]);
        return d;
    }

    /** {@code type(name, bases, ns)} (or a metaclass call). */
    static PyType cls(PyType meta, String name, PyType[] bases, PyDict ns, Object... kw) {
        PyObject[] args = new PyObject[3 + kw.length / 2];
        args[0] = PyStr.of(name);
        args[1] = PyTuple.of((PyObject[]) bases);
        args[2] = ns;
        PyObject[] names = new PyObject[kw.length / 2];
        for (int k = 0; k < kw.length; k += 2) {
            names[k / 2] = PyStr.intern((String) kw[k]);
            args[3 + k / 2] = (PyObject) kw[k + 1];
        }
        return (PyType) Ops.call(meta, args, names.length == 0 ? null : PyTuple.of(names));
    }

    static PyType cls(String name, PyDict ns, PyType... bases) {
        return cls(PyType.TYPE, name, bases, ns);
    }

    static PyObject call(PyObject f, PyObject... args) {
        return Ops.call(f, args);
    }

    static PyObject get(PyObject o, String name) {
        return Ops.getAttr(o, name);
    }

    static void set(PyObject o, String name, PyObject v) {
        Ops.setAttr(o, PyStr.intern(name), v);
    }

    static String repr(PyObject o) {
        return Ops.reprString(o);
    }

    static String str(PyObject o) {
        return Ops.strString(o);
    }

    /** Runs r and returns "TypeName: message" of the Python exception it raises (or fails). */
    static String raises(Runnable r) {
        try {
            r.run();
        } catch (PyException e) {
            String m = Ops.strString(e.exc);
            return TypeSlots.shortName(e.exc.type()) + (m.isEmpty() ? "" : ": " + m);
        }
        throw new AssertionError("no exception raised");
    }

    static long toLong(PyObject o) {
        return ((PyInt) o).value;
    }
}
