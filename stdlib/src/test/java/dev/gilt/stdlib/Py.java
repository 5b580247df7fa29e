package dev.gilt.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.module.ModuleRegistry;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Helpers for calling stdlib modules from JUnit without the interpreter. */
public final class Py {
    private Py() {}

    private static final Map<String, PyModule> MODULES = new HashMap<>();

    static {
        MiniRuntime.install();
    }

    /** The module created by its provider (found through ServiceLoader, as the importer does). */
    public static synchronized PyModule module(String name) {
        return MODULES.computeIfAbsent(name, n -> {
            var p = ModuleRegistry.find(n);
            if (p == null) fail("no provider for module " + n);
            return p.create(Interp.init());
        });
    }

    public static PyObject fn(String module, String name) {
        PyObject f = module(module).get(name);
        if (f == null) fail(module + "." + name + " is missing");
        return f;
    }

    /** module.name(*args) */
    public static PyObject call(String module, String name, Object... args) {
        return Ops.call(fn(module, name), objs(args));
    }

    /** obj.name(*args) through the type's attribute lookup. */
    public static PyObject method(PyObject obj, String name, Object... args) {
        return Ops.callMethod(obj, name, objs(args));
    }

    public static PyObject[] objs(Object... args) {
        PyObject[] out = new PyObject[args.length];
        for (int i = 0; i < args.length; i++) out[i] = obj(args[i]);
        return out;
    }

    /** Java value → Python object: String→str, Integer/Long→int, Double→float, byte[]→bytes. */
    public static PyObject obj(Object o) {
        if (o instanceof PyObject p) return p;
        if (o instanceof String s) return PyStr.of(s);
        if (o instanceof Integer i) return PyInt.of(i);
        if (o instanceof Long l) return PyInt.of(l);
        if (o instanceof java.math.BigInteger b) return PyInt.of(b);
        if (o instanceof Double d) return PyFloat.of(d);
        if (o instanceof Boolean b) return dev.gilt.runtime.object.PyBool.of(b);
        if (o instanceof byte[] b) return PyBytes.of(b);
        if (o == null) return dev.gilt.runtime.object.PyNone.NONE;
        throw new IllegalArgumentException("no Python value for " + o);
    }

    public static PyTuple tuple(Object... items) {
        return PyTuple.of(objs(items));
    }

    public static PyList list(Object... items) {
        PyList l = new PyList();
        for (PyObject o : objs(items)) l.append(o);
        return l;
    }

    /** Keyword call: positional args then a map of keyword args. */
    public static PyObject callKw(PyObject f, Object[] pos, Map<String, Object> kw) {
        PyObject[] all = new PyObject[pos.length + kw.size()];
        PyObject[] names = new PyObject[kw.size()];
        int i = 0;
        for (Object p : pos) all[i++] = obj(p);
        int k = 0;
        for (var e : kw.entrySet()) {
            all[i++] = obj(e.getValue());
            names[k++] = PyStr.intern(e.getKey());
        }
        return Ops.call(f, all, PyTuple.of(names));
    }

    public static String s(PyObject o) {
        if (o instanceof PyStr s) return s.value;
        fail("expected str, got " + o.type().name());
        return null;
    }

    public static long i(PyObject o) {
        if (o instanceof PyInt i) return i.value;
        fail("expected int, got " + o.type().name());
        return 0;
    }

    public static double d(PyObject o) {
        if (o instanceof PyFloat f) return f.value;
        fail("expected float, got " + o.type().name());
        return 0;
    }

    public static String b(PyObject o) {
        if (o instanceof PyBytes b) return new String(b.value, StandardCharsets.ISO_8859_1);
        fail("expected bytes, got " + o.type().name());
        return null;
    }

    /** Asserts that {@code body} raises the Python exception {@code type} with message {@code msg}. */
    public static void raises(PyType type, String msg, Executable body) {
        PyException e = assertThrows(PyException.class, body);
        assertEquals(type.name(), e.exc.type().name(), () -> "wrong exception: " + e.getMessage());
        if (msg != null) assertEquals(msg, message(e));
    }

    /** The first argument of the exception as text (CPython's str(e) for one-argument exceptions). */
    public static String message(PyException e) {
        if (e.exc.type().str != null || PyType.OBJECT.getattr != null) {
            try {
                String s = Ops.strString(e.exc);
                if (!s.startsWith("<")) return s;
            } catch (PyException ignored) {
                // fall back to the arguments
            }
        }
        PyTuple args = e.exc.args;
        if (args.size() == 0) return "";
        // The exception families with their own __str__ (the type system formats them).
        if (e.matches(dev.gilt.runtime.error.PyExc.UnicodeError)) return Ops.strString(e.exc);
        PyObject a = args.get(0);
        if (args.size() >= 2 && a instanceof PyInt no && args.get(1) instanceof PyStr m) {
            PyObject fn = Ops.lookupAttr(e.exc, PyStr.intern("filename"));
            String base = "[Errno " + no.value + "] " + m.value;
            if (fn instanceof PyStr f) base += ": " + dev.gilt.stdlib.util.Args.reprString(f.value);
            return base;
        }
        return a instanceof PyStr s ? s.value : a.toString();
    }
}
