package dev.gilt.runtime.builtins;

import static dev.gilt.runtime.builtins.Builtins.npos;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.types.Dunder;
import dev.gilt.runtime.types.SlotTable;
import dev.gilt.runtime.ops.Ops;
import java.util.Arrays;

/** len, all, any, sorted, iter, next. */
final class SeqBuiltins {
    private SeqBuiltins() {}

    private static final PyStr NEXT = PyStr.intern("__next__");

    static void define(PyModule m) {
        m.def("len", (Fn.F1) (self, o) -> PyInt.of(Ops.len(o)));
        m.def("all", (Fn.F1) (self, o) -> PyBool.of(allAny(o, true)));
        m.def("any", (Fn.F1) (self, o) -> PyBool.of(allAny(o, false)));
        m.def("sorted", (Fn.FV) SeqBuiltins::sorted);
        m.def("iter", (Fn.FV) SeqBuiltins::iter);
        m.def("next", (Fn.FV) SeqBuiltins::next);
    }

    /** all() (stop at the first false) and any() (stop at the first true). */
    static boolean allAny(PyObject o, boolean all) {
        PyObject it = Ops.iter(o);
        try {
            PyObject x;
            while ((x = Ops.next(it)) != null) {
                boolean t;
                try {
                    t = Ops.isTrue(x);
                } finally {
                    RefCount.decref(x);
                }
                if (t != all) return !all;
            }
            return all;
        } finally {
            RefCount.decref(it);
        }
    }

    static PyObject sorted(PyObject self, PyObject[] args, PyTuple kw) {
        int np = npos(args, kw);
        if (np != 1) throw Errors.typeError("sorted expected 1 argument, got %d", np);
        PyObject[] k = Builtins.keywords("sort", args, kw, "key", "reverse");
        PyObject key = k[0] == PyNone.NONE ? null : k[0];
        boolean reverse = k[1] != null && Ops.isTrue(k[1]);
        return sortedList(args[0], key, reverse);
    }

    /** A new sorted list of the items of {@code iterable}: list(iterable).sort(key=key, reverse=reverse). */
    static PyList sortedList(PyObject iterable, PyObject key, boolean reverse) {
        PyList l = toList(iterable);
        try {
            if (key == null && allExactStr(l)) {
                // Common case (dir(), sorted(names)): sort Java-side by code point order.
                Arrays.sort(l.items, 0, l.size, (a, b) -> compareCodePoints(((PyStr) a).value, ((PyStr) b).value));
                if (reverse) reverse(l);
                return l;
            }
            PyObject sort = Ops.getAttr(l, "sort");
            try {
                int n = (key != null ? 1 : 0) + (reverse ? 1 : 0);
                PyObject[] a = new PyObject[n];
                PyObject[] names = new PyObject[n];
                int i = 0;
                if (key != null) {
                    a[i] = key;
                    names[i++] = PyStr.intern("key");
                }
                if (reverse) {
                    a[i] = PyBool.TRUE;
                    names[i] = PyStr.intern("reverse");
                }
                RefCount.decref(Ops.call(sort, a, n == 0 ? null : PyTuple.of(names)));
            } finally {
                RefCount.decref(sort);
            }
            return l;
        } catch (PyException e) {
            RefCount.decref(l);
            throw e;
        }
    }

    private static boolean allExactStr(PyList l) {
        for (int i = 0; i < l.size; i++) if (l.items[i].type() != PyStr.TYPE) return false;
        return true;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void reverse(PyList l) {
        for (int i = 0, j = l.size - 1; i < j; i++, j--) {
            PyObject t = l.items[i];
            l.items[i] = l.items[j];
            l.items[j] = t;
        }
    }

    /** list(iterable) without needing list's constructor. */
    static PyList toList(PyObject iterable) {
        PyList l = new PyList();
        PyObject it = Ops.iter(iterable);
        try {
            PyObject x;
            while ((x = Ops.next(it)) != null) l.appendSteal(x);
            return l;
        } catch (PyException e) {
            RefCount.decref(l);
            throw e;
        } finally {
            RefCount.decref(it);
        }
    }

    static PyObject iter(PyObject self, PyObject[] args, PyTuple kw) {
        Builtins.noKeywords("iter", kw);
        if (args.length < 1) throw Errors.typeError("iter expected at least 1 argument, got 0");
        if (args.length > 2) throw Errors.typeError("iter expected at most 2 arguments, got %d", args.length);
        if (args.length == 1) return Ops.iter(args[0]);
        if (args[0].type().call == null) throw Errors.typeError("iter(object, sentinel): object must be callable");
        return dev.gilt.runtime.object.PyCallableIterator.of(args[0], args[1]);
    }

    static PyObject next(PyObject self, PyObject[] args, PyTuple kw) {
        Builtins.noKeywords("next", kw);
        if (args.length < 1) throw Errors.typeError("next expected at least 1 argument, got 0");
        if (args.length > 2) throw Errors.typeError("next expected at most 2 arguments, got %d", args.length);
        PyObject it = args[0];
        PyType t = it.type();
        if (t.next == null) {
            throw Errors.typeError("'%s' object is not an iterator", t.name());
        }
        // A class's __next__ (or a builtin's explicit __next__ method, such as a generator's) is
        // called directly, so the StopIteration it raises keeps its value, as in CPython.
        PyObject m = t.next == SlotTable.NEXT_SLOT ? t.lookup(NEXT) : null;
        if (m == null && !t.isHeapType()) {
            PyObject d = t.lookup(NEXT);
            if (d instanceof PyMethodDescr) m = d;
        }
        if (m != null) {
            try {
                return Dunder.callDescr(m, it, new PyObject[0], null);
            } catch (PyException e) {
                if (args.length == 2 && e.matches(PyExc.StopIteration)) {
                    RefCount.decref(e.exc);
                    return RefCount.newRef(args[1]);
                }
                throw e;
            }
        }
        // The slot itself, not Ops.next: a StopIteration(value) it raises (a generator's return
        // value) must reach the caller, as CPython's next() lets it.
        PyObject r;
        try {
            r = it.type().next.next(it);
        } catch (dev.gilt.runtime.error.PyException e) {
            if (args.length == 2 && e.matches(dev.gilt.runtime.error.PyExc.StopIteration)) {
                RefCount.decref(e.exc);
                return RefCount.newRef(args[1]);
            }
            throw e;
        }
        if (r != null) return r;
        if (args.length == 2) return RefCount.newRef(args[1]);
        throw Errors.stopIteration();
    }
}
