package dev.gilt.runtime.builtins;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyEllipsis;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.types.PyClassMethod;
import dev.gilt.runtime.types.PyProperty;
import dev.gilt.runtime.types.PyStaticMethod;
import dev.gilt.runtime.types.PySuper;
import dev.gilt.runtime.types.Types;

/**
 * The {@code builtins} module: every builtin name of CPython 3.12 that Gilt supports. The
 * interpreter creates it once at start-up ({@code Interp.builtins = Builtins.create(interp)}).
 * Functions are grouped by theme: {@link NumericBuiltins}, {@link IoBuiltins},
 * {@link ReflectBuiltins}, {@link SeqBuiltins}; the site objects ({@code exit}, {@code help}...)
 * are in {@link SiteObjects}.
 */
public final class Builtins {
    private Builtins() {}

    /** Creates and fills the builtins module. */
    public static PyModule create(Interp interp) {
        Types.init();
        PyModule m = new PyModule("builtins");
        m.set("__doc__", PyStr.intern("Built-in functions, types, exceptions, and other objects."));
        m.set("__package__", PyStr.EMPTY);
        m.set("__loader__", PyNone.NONE);
        m.set("__spec__", PyNone.NONE);
        m.set("__debug__", PyBool.TRUE);
        m.set("None", PyNone.NONE);
        m.set("True", PyBool.TRUE);
        m.set("False", PyBool.FALSE);
        m.set("Ellipsis", PyEllipsis.ELLIPSIS);
        m.set("NotImplemented", PyNotImplemented.NOT_IMPLEMENTED);

        type(m, PyType.OBJECT, "object");
        type(m, PyType.TYPE, "type");
        type(m, PyInt.TYPE, "int");
        type(m, PyBool.TYPE, "bool");
        type(m, PyFloat.TYPE, "float");
        type(m, PyStr.TYPE, "str");
        type(m, PyTuple.TYPE, "tuple");
        type(m, PyList.TYPE, "list");
        type(m, PyType.DICT, "dict");
        type(m, PyProperty.TYPE, "property");
        type(m, PyStaticMethod.TYPE, "staticmethod");
        type(m, PyClassMethod.TYPE, "classmethod");
        type(m, PySuper.TYPE, "super");
        type(m, dev.gilt.runtime.object.PyComplex.TYPE, "complex");
        type(m, dev.gilt.runtime.object.PyBytes.TYPE, "bytes");
        type(m, dev.gilt.runtime.object.PyByteArray.TYPE, "bytearray");
        type(m, dev.gilt.runtime.object.PySet.TYPE, "set");
        type(m, dev.gilt.runtime.object.PyFrozenSet.TYPE, "frozenset");
        type(m, dev.gilt.runtime.object.PyRange.TYPE, "range");
        type(m, dev.gilt.runtime.object.PySlice.TYPE, "slice");
        type(m, dev.gilt.runtime.object.PyEnumerate.TYPE, "enumerate");
        type(m, dev.gilt.runtime.object.PyZip.TYPE, "zip");
        type(m, dev.gilt.runtime.object.PyMap.TYPE, "map");
        type(m, dev.gilt.runtime.object.PyFilter.TYPE, "filter");
        type(m, dev.gilt.runtime.object.PyReversed.TYPE, "reversed");
        // memoryview: not implemented by Gilt (no buffer protocol); deliberately absent.
        for (PyType e : PyExc.all()) m.set(e.name(), e);
        for (PyType e : dev.gilt.runtime.types.ExceptionGroups.types()) m.set(e.name(), e);
        m.set("EnvironmentError", PyExc.OSError);
        m.set("IOError", PyExc.OSError);

        NumericBuiltins.define(m);
        IoBuiltins.define(m);
        ReflectBuiltins.define(m);
        SeqBuiltins.define(m);
        SiteObjects.define(m);
        if (interp != null) {
            interp.builtins = m;
            if (interp.modules.getItemStr(PyStr.intern("builtins")) == null) {
                interp.modules.setItem(PyStr.intern("builtins"), m);
            }
        }
        return m;
    }

    private static void type(PyModule m, PyType t, String name) {
        m.set(name, t);
    }

    // ---- shared helpers -------------------------------------------------------------------

    /** Number of positional arguments in a vectorcall argument array. */
    static int npos(PyObject[] args, PyTuple kw) {
        return kw == null ? args.length : args.length - kw.size();
    }

    /** Raises "'k' is an invalid keyword argument for f()" unless every keyword is allowed. */
    static PyObject[] keywords(String fname, PyObject[] args, PyTuple kw, String... allowed) {
        PyObject[] out = new PyObject[allowed.length];
        if (kw == null) return out;
        int np = args.length - kw.size();
        for (int i = 0; i < kw.size(); i++) {
            String k = ((PyStr) kw.get(i)).value;
            int idx = -1;
            for (int j = 0; j < allowed.length; j++) {
                if (allowed[j].equals(k)) idx = j;
            }
            if (idx < 0) throw Errors.typeError("'%s' is an invalid keyword argument for %s()", k, fname);
            out[idx] = args[np + i];
        }
        return out;
    }

    static void noKeywords(String fname, PyTuple kw) {
        if (kw != null && kw.size() > 0) throw Errors.typeError("%s() takes no keyword arguments", fname);
    }

    /** A Java long from an int-like object (CPython's PyNumber_Index then AsLong). */
    static long indexLong(PyObject o) {
        if (o instanceof PyInt pi && !pi.isBig()) return pi.value;
        PyObject i = dev.gilt.runtime.ops.Ops.index(o);
        try {
            PyInt pi = (PyInt) i;
            if (pi.isBig()) throw Errors.overflow("Python int too large to convert to C long");
            return pi.value;
        } finally {
            RefCount.decref(i);
        }
    }

    /** The current globals dict via the interpreter hooks (borrowed), or a SystemError. */
    static PyDict currentGlobals() {
        Interp in = Interp.main();
        if (in == null || in.hooks == null) throw Errors.systemError("no interpreter frame");
        return in.hooks.currentGlobals();
    }

    static Interp.Hooks hooks() {
        Interp in = Interp.main();
        if (in == null || in.hooks == null) throw Errors.systemError("interpreter hooks are not installed");
        return in.hooks;
    }
}
