package dev.gilt.interp.vm;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;

/**
 * The building and unpacking instructions (BUILD_*, *_EXTEND/UPDATE/MERGE, FORMAT_VALUE,
 * UNPACK_*). Arguments are borrowed from the stack; results are new references.
 *
 * <p>{@code set} and {@code slice} are reached through the builtins module by name, so the VM
 * does not depend on the Java classes that implement them.
 */
final class Builders {
    private Builders() {}

    private static PyObject builtin(String name) {
        Interp in = Interp.main();
        PyObject v = in == null || in.builtins == null ? null : in.builtins.get(name);
        if (v == null) throw Errors.systemError("builtin '" + name + "' is not available");
        return v;
    }

    static PyObject slice(PyObject start, PyObject stop, PyObject step) {
        return Ops.call(builtin("slice"), start, stop, step);
    }

    static PyObject newSet(PyObject[] s, int off, int n) {
        PyObject set = Ops.call(builtin("set"));
        try {
            for (int i = 0; i < n; i++) setAdd(set, s[off + i]);
        } catch (PyException e) {
            RefCount.decref(set);
            throw e;
        }
        return set;
    }

    static void setAdd(PyObject set, PyObject v) {
        RefCount.decref(Ops.callMethod(set, "add", v));
    }

    static void setUpdate(PyObject set, PyObject iterable) {
        RefCount.decref(Ops.callMethod(set, "update", iterable));
    }

    static PyDict newMap(PyObject[] s, int off, int n) {
        PyDict d = new PyDict();
        try {
            for (int i = 0; i < n; i++) d.setItem(s[off + 2 * i], s[off + 2 * i + 1]);
        } catch (PyException e) {
            RefCount.decref(d);
            throw e;
        }
        return d;
    }

    static PyDict constKeyMap(PyObject[] s, int off, int n, PyTuple keys) {
        PyDict d = new PyDict();
        try {
            for (int i = 0; i < n; i++) d.setItem(keys.get(i), s[off + i]);
        } catch (PyException e) {
            RefCount.decref(d);
            throw e;
        }
        return d;
    }

    static PyObject string(PyObject[] s, int off, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(((PyStr) s[off + i]).value);
        return PyStr.of(sb.toString());
    }

    static void listExtend(PyList l, PyObject src) {
        if (src instanceof PyList sl && !dev.gilt.runtime.Config.GIL_ENABLED) {
            l.extend(sl); // copies under the source's monitor
            return;
        }
        if (src instanceof PyList sl) {
            int n = sl.size;
            for (int i = 0; i < n && i < sl.size; i++) l.append(sl.items[i]);
            return;
        }
        if (src instanceof PyTuple t) {
            for (PyObject o : t.items) l.append(o);
            return;
        }
        PyObject it;
        try {
            it = Ops.iter(src);
        } catch (PyException e) {
            if (e.matches(PyExc.TypeError) && src.type().iter == null && src.type().getitem == null) {
                RefCount.decref(e.exc);
                throw Errors.typeError("Value after * must be an iterable, not %s", src.type().name());
            }
            throw e;
        }
        try {
            PyObject x;
            while ((x = VmOps.next(it)) != null) l.appendSteal(x);
        } finally {
            RefCount.decref(it);
        }
    }

    /** A tuple of the items of {@code src} (the argument after * of a call to {@code func}). */
    static PyTuple tupleOf(PyObject src, PyObject func) {
        if (src instanceof PyTuple t) return RefCount.newRef(t);
        if (src.type().iter == null && src.type().getitem == null) {
            throw Errors.typeError("%s argument after * must be an iterable, not %s", VmOps.funcStr(func),
                    src.type().name());
        }
        PyList l = new PyList();
        try {
            listExtend(l, src);
            PyObject[] items = java.util.Arrays.copyOf(l.items, l.size);
            for (PyObject o : items) RefCount.incref(o);
            return PyTuple.steal(items);
        } finally {
            RefCount.decref(l);
        }
    }

    /**
     * d.update(src); with {@code noDup} (f(**a, **b)) a key already present raises TypeError
     * naming {@code func}.
     */
    static void dictMerge(PyDict d, PyObject src, boolean noDup, PyObject func) {
        if (src instanceof PyDict sd) {
            for (int i = 0; i < sd.entrySlots(); i++) {
                PyObject k = sd.keyAt(i);
                if (k == null) continue;
                PyObject v = sd.valueAt(i);
                if (noDup && d.getItem(k) != null) throw duplicateKeyword(func, k);
                d.setItem(k, v);
            }
            return;
        }
        PyObject keys = Ops.callMethod(src, "keys");
        PyObject it;
        try {
            it = Ops.iter(keys);
        } finally {
            RefCount.decref(keys);
        }
        try {
            PyObject k;
            while ((k = VmOps.next(it)) != null) {
                try {
                    if (noDup && d.getItem(k) != null) throw duplicateKeyword(func, k);
                    PyObject v = Ops.getItem(src, k);
                    d.setItem(k, v);
                    RefCount.decref(v);
                } finally {
                    RefCount.decref(k);
                }
            }
        } finally {
            RefCount.decref(it);
        }
    }

    private static PyException duplicateKeyword(PyObject func, PyObject key) {
        if (!(key instanceof PyStr)) return Errors.typeError("%s keywords must be strings", VmOps.funcStr(func));
        return Errors.typeError("%s got multiple values for keyword argument '%s'", VmOps.funcStr(func),
                ((PyStr) key).value);
    }

    // ---- formatting --------------------------------------------------------------------------

    /** FORMAT_VALUE: format(conv(v), spec); conv 0 none, 1 str, 2 repr, 3 ascii. */
    static PyObject formatValue(PyObject v, int conv, PyObject spec) {
        PyObject c;
        switch (conv) {
            case 1 -> c = Ops.str(v);
            case 2 -> c = Ops.repr(v);
            case 3 -> c = PyStr.of(ascii(Ops.reprString(v)));
            default -> c = RefCount.newRef(v);
        }
        try {
            return format(c, spec);
        } finally {
            RefCount.decref(c);
        }
    }

    /** format(v, spec) (CPython's PyObject_Format). */
    static PyObject format(PyObject v, PyObject spec) {
        boolean empty = spec == null || (spec instanceof PyStr ps && ps.value.isEmpty());
        if (empty) {
            Class<?> k = v.getClass();
            if (k == PyStr.class) return RefCount.newRef(v);
            if (k == PyInt.class || k == PyFloat.class) return Ops.str(v);
        }
        PyObject specObj = spec == null ? PyStr.EMPTY : spec;
        PyObject m = v.type().lookup("__format__");
        if (m == null) {
            if (empty) return Ops.str(v);
            throw Errors.typeError("unsupported format string passed to %s.__format__", v.type().name());
        }
        PyObject r = VmOps.call(m, new PyObject[] {v, specObj}, null);
        if (!(r instanceof PyStr)) {
            String tn = r.type().name();
            RefCount.decref(r);
            throw Errors.typeError("__format__ must return a str, not %s", tn);
        }
        return r;
    }

    /** ascii(): repr with non-ASCII characters escaped. */
    static String ascii(String repr) {
        StringBuilder sb = new StringBuilder(repr.length());
        repr.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                sb.append((char) cp);
            } else if (cp < 0x100) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp < 0x10000) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        });
        return sb.toString();
    }

    // ---- unpacking -----------------------------------------------------------------------------

    /** UNPACK_SEQUENCE n: replaces the sequence on top by its items, first item on top. */
    static int unpack(PyObject[] s, int sp, int n) {
        PyObject seq = s[sp - 1];
        PyObject[] items = null;
        if (seq.getClass() == PyTuple.class) {
            items = ((PyTuple) seq).items;
        } else if (seq.getClass() == PyList.class && dev.gilt.runtime.Config.GIL_ENABLED) {
            // Free-threaded: lists go through collect() (iteration is safe against writers).
            PyList l = (PyList) seq;
            items = java.util.Arrays.copyOf(l.items, l.size);
        }
        if (items != null) {
            if (items.length != n) throw unpackError(n, items.length, false);
            for (int i = 0; i < n; i++) RefCount.incref(items[i]);
        } else {
            items = collect(seq, n, -1);
        }
        sp--;
        for (int i = n - 1; i >= 0; i--) s[sp++] = items[i];
        // Release the sequence last: its death may clear the very array the items came from.
        RefCount.decref(seq);
        return sp;
    }

    /** UNPACK_EX: {@code before} items, a list of the rest, {@code after} items; first on top. */
    static int unpackEx(PyObject[] s, int sp, int before, int after) {
        PyObject seq = s[sp - 1];
        PyObject[] all = collect(seq, -1, before + after);
        int n = all.length;
        sp--;
        s[sp] = null;
        RefCount.decref(seq);
        for (int i = n - 1; i >= n - after; i--) s[sp++] = all[i];
        int midLen = n - after - before;
        PyObject[] mid = java.util.Arrays.copyOfRange(all, before, before + midLen);
        s[sp++] = PyList.steal(mid, midLen);
        for (int i = before - 1; i >= 0; i--) s[sp++] = all[i];
        return sp;
    }

    /**
     * Items of {@code seq} as new references: exactly {@code n} (when n >= 0), or all of them
     * with at least {@code atLeast} (when n < 0). Raises CPython's unpacking errors.
     */
    private static PyObject[] collect(PyObject seq, int n, int atLeast) {
        if (seq.getClass() == PyList.class || seq.getClass() == PyTuple.class) {
            PyObject[] items = seq instanceof PyList l ? java.util.Arrays.copyOf(l.items, l.size) : ((PyTuple) seq).items.clone();
            if (n >= 0 && items.length != n) throw unpackError(n, items.length, false);
            if (n < 0 && items.length < atLeast) throw unpackError(atLeast, items.length, true);
            for (PyObject o : items) RefCount.incref(o);
            return items;
        }
        if (seq.type().iter == null && seq.type().getitem == null) {
            throw Errors.typeError("cannot unpack non-iterable %s object", seq.type().name());
        }
        PyObject it = Ops.iter(seq);
        PyList got = new PyList();
        try {
            PyObject x;
            while ((n < 0 || got.size < n) && (x = VmOps.next(it)) != null) got.appendSteal(x);
            if (n >= 0) {
                if (got.size < n) throw unpackError(n, got.size, false);
                PyObject extra = VmOps.next(it);
                if (extra != null) {
                    RefCount.decref(extra);
                    throw unpackError(n, -1, false);
                }
            } else if (got.size < atLeast) {
                throw unpackError(atLeast, got.size, true);
            }
            PyObject[] out = java.util.Arrays.copyOf(got.items, got.size);
            got.size = 0;
            return out;
        } finally {
            RefCount.decref(got);
            RefCount.decref(it);
        }
    }

    private static PyException unpackError(int expected, int got, boolean atLeast) {
        if (got < 0 || got > expected && !atLeast) {
            return Errors.valueError("too many values to unpack (expected %d)", expected);
        }
        return Errors.valueError("not enough values to unpack (expected %s%d, got %d)", atLeast ? "at least " : "",
                expected, got);
    }
}
