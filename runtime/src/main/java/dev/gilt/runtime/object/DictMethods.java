package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.collections.ClassMethodDescr;
import dev.gilt.runtime.object.collections.ReprGuard;
import dev.gilt.runtime.object.collections.Sequences;
import dev.gilt.runtime.ops.Ops;

/**
 * The Python face of {@link PyDict}: dict's slots, methods, constructor and update protocol.
 *
 * <p>Bootstrap: {@link #installSlots} runs inside PyType's static initialiser and may only store
 * method references (no Python object may be created there); {@link #defineMethods} runs later,
 * before the first type lookup. This class must keep a trivial static initialiser.
 */
final class DictMethods {
    private DictMethods() {}

    static void installSlots(PyType t) {
        t.hash = null;
        t.repr = DictMethods::repr;
        t.richcompare = DictMethods::richCompare;
        t.iter = DictMethods::iter;
        t.len = DictMethods::len;
        t.bool = DictMethods::bool;
        t.getitem = DictMethods::subscript;
        t.setitem = DictMethods::assign;
        t.contains = DictMethods::contains;
        t.nb[Ops.NB_OR] = DictMethods::or; // a constant: does not initialise Ops
        t.nbInplace[Ops.NB_OR] = DictMethods::inplaceOr;
        t.newInstance = DictMethods::dictNew;
        t.init = DictMethods::init;
    }

    static void defineMethods(PyType t) {
        t.define("__hash__", PyNone.NONE);
        PyMethodDescr.define(t, "get", (Fn.FV) DictMethods::get);
        PyMethodDescr.define(t, "setdefault", (Fn.FV) DictMethods::setdefault);
        PyMethodDescr.define(t, "pop", (Fn.FV) DictMethods::pop);
        PyMethodDescr.define(t, "popitem", (Fn.F0) self -> ((PyDict) self).popItem());
        PyMethodDescr.define(t, "keys", (Fn.F0) self -> new PyDictView(PyDictView.KEYS, (PyDict) self));
        PyMethodDescr.define(t, "values", (Fn.F0) self -> new PyDictView(PyDictView.VALUES, (PyDict) self));
        PyMethodDescr.define(t, "items", (Fn.F0) self -> new PyDictView(PyDictView.ITEMS, (PyDict) self));
        PyMethodDescr.define(t, "update", (Fn.FV) (self, args, kw) -> {
            update((PyDict) self, "update", args, kw);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "clear", (Fn.F0) self -> {
            ((PyDict) self).clear();
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "copy", (Fn.F0) self -> ((PyDict) self).copy());
        PyMethodDescr.define(t, "__getitem__", (Fn.F1) DictMethods::subscript);
        PyMethodDescr.define(t, "__contains__", (Fn.F1) (self, k) -> PyBool.of(((PyDict) self).containsKey(k)));
        PyMethodDescr.define(t, "__reversed__", (Fn.F0) self -> new PyDictIterator(PyDictIterator.REVERSE_KEYS, (PyDict) self));
        ClassMethodDescr.define(t, "fromkeys", DictMethods::fromKeys);
    }

    // ---- slots --------------------------------------------------------------------------------

    static PyObject iter(PyObject d) {
        return new PyDictIterator(PyDictIterator.KEYS, (PyDict) d);
    }

    static long len(PyObject d) {
        return ((PyDict) d).size();
    }

    static boolean bool(PyObject d) {
        return ((PyDict) d).size() != 0;
    }

    static boolean contains(PyObject d, PyObject k) {
        return ((PyDict) d).containsKey(k);
    }

    /** {@code d[key]}: KeyError(key), or {@code __missing__} for subclasses that define it. */
    static PyObject subscript(PyObject self, PyObject key) {
        PyDict d = (PyDict) self;
        PyObject v = d.getItem(key);
        if (v != null) return RefCount.newRef(v);
        if (self.getClass() != PyDict.class) {
            PyObject missing = self.type().lookup(PyStr.intern("__missing__"));
            if (missing != null) return callSpecial(missing, self, key);
        }
        throw Errors.keyError(key);
    }

    /** Calls a special method found on the type, binding it as _PyObject_LookupSpecial does. */
    static PyObject callSpecial(PyObject descr, PyObject self, PyObject arg) {
        Slots.DescrGet g = descr.type().descrGet;
        if (g == null) return Ops.call(descr, arg);
        PyObject bound = g.get(descr, self, self.type());
        try {
            return Ops.call(bound, arg);
        } finally {
            RefCount.decref(bound);
        }
    }

    /** {@code d[key] = value}, or {@code del d[key]} (value null): KeyError(key) if absent. */
    static void assign(PyObject self, PyObject key, PyObject value) {
        PyDict d = (PyDict) self;
        if (value != null) {
            d.setItem(key, value);
        } else if (!d.delItem(key)) {
            throw Errors.keyError(key);
        }
    }

    static PyObject dictNew(PyType type, PyObject[] args, PyTuple kwnames) {
        return type == PyType.DICT ? new PyDict() : new PyDict.Sub(type);
    }

    /** dict.__init__(self, [mapping_or_iterable], **kwargs) */
    static void init(PyObject self, PyObject[] args, PyTuple kwnames) {
        update((PyDict) self, "dict", args, kwnames);
    }

    /** dict.update / dict.__init__: one optional positional argument, then the keyword arguments. */
    static void update(PyDict d, String fname, PyObject[] args, PyTuple kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.size();
        int npos = args.length - nkw;
        if (npos > 1) throw Errors.typeError("%s expected at most 1 argument, got %d", fname, npos);
        if (npos == 1) updateArg(d, args[0]);
        for (int i = 0; i < nkw; i++) d.setItem(kwnames.get(i), args[npos + i]);
    }

    static PyObject repr(PyObject self) {
        PyDict d = (PyDict) self;
        if (d.size() == 0) return PyStr.of("{}");
        if (!ReprGuard.enter(d)) return PyStr.of("{...}");
        try {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (int i = 0; i < d.entrySlots(); i++) {
                PyObject k = d.keyAt(i);
                if (k == null) continue;
                PyObject v = d.valueAt(i);
                RefCount.incref(k);
                RefCount.incref(v);
                try {
                    if (!first) sb.append(", ");
                    first = false;
                    sb.append(Ops.reprString(k)).append(": ").append(Ops.reprString(v));
                } finally {
                    RefCount.decref(k);
                    RefCount.decref(v);
                }
            }
            return PyStr.of(sb.append('}').toString());
        } finally {
            ReprGuard.exit(d);
        }
    }

    static PyObject richCompare(PyObject a, PyObject b, int op) {
        if (!(a instanceof PyDict da) || !(b instanceof PyDict db) || (op != 2 && op != 3)) {
            return PyNotImplemented.NOT_IMPLEMENTED;
        }
        return PyBool.of(equal(da, db) == (op == 2));
    }

    /** Order-insensitive equality: same size, and each key of a maps to an equal value in b. */
    static boolean equal(PyDict a, PyDict b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.entrySlots(); i++) {
            PyObject k = a.keyAt(i);
            if (k == null) continue;
            PyObject av = a.valueAt(i);
            long h = a.hashAt(i);
            RefCount.incref(k);
            RefCount.incref(av);
            try {
                PyObject bv = b.getItem(k, h);
                if (bv == null) return false;
                RefCount.incref(bv);
                try {
                    if (!Ops.eqBool(av, bv)) return false;
                } finally {
                    RefCount.decref(bv);
                }
            } finally {
                RefCount.decref(k);
                RefCount.decref(av);
            }
        }
        return true;
    }

    /** {@code a | b} (3.9): a new exact dict, a's items updated by b's. */
    static PyObject or(PyObject a, PyObject b) {
        if (!(a instanceof PyDict da) || !(b instanceof PyDict)) return PyNotImplemented.NOT_IMPLEMENTED;
        PyDict r = da.copy();
        try {
            updateArg(r, b);
        } catch (RuntimeException e) {
            RefCount.decref(r);
            throw e;
        }
        return r;
    }

    /** {@code a |= b}: any mapping or iterable of pairs. */
    static PyObject inplaceOr(PyObject a, PyObject b) {
        updateArg((PyDict) a, b);
        return RefCount.newRef(a);
    }

    // ---- methods --------------------------------------------------------------------------------

    private static void checkArgs(String name, PyObject[] args, PyTuple kw, int min, int max) {
        if (kw != null && kw.size() > 0) throw Errors.typeError("dict.%s() takes no keyword arguments", name);
        if (args.length < min) {
            throw Errors.typeError("%s expected at least %d argument%s, got %d", name, min, min == 1 ? "" : "s", args.length);
        }
        if (args.length > max) {
            throw Errors.typeError("%s expected at most %d argument%s, got %d", name, max, max == 1 ? "" : "s", args.length);
        }
    }

    static PyObject get(PyObject self, PyObject[] args, PyTuple kw) {
        checkArgs("get", args, kw, 1, 2);
        PyObject v = ((PyDict) self).getItem(args[0]);
        if (v != null) return RefCount.newRef(v);
        return RefCount.newRef(args.length > 1 ? args[1] : PyNone.NONE);
    }

    static PyObject setdefault(PyObject self, PyObject[] args, PyTuple kw) {
        checkArgs("setdefault", args, kw, 1, 2);
        return RefCount.newRef(((PyDict) self).setDefault(args[0], args.length > 1 ? args[1] : PyNone.NONE));
    }

    static PyObject pop(PyObject self, PyObject[] args, PyTuple kw) {
        checkArgs("pop", args, kw, 1, 2);
        PyObject v = ((PyDict) self).pop(args[0]);
        if (v != null) return v;
        if (args.length > 1) return RefCount.newRef(args[1]);
        throw Errors.keyError(args[0]);
    }

    /** dict.fromkeys(iterable, value=None), a classmethod: {@code cls()} filled with the keys. */
    static PyObject fromKeys(PyType cls, PyObject[] args, PyTuple kw) {
        checkArgs("fromkeys", args, kw, 1, 2);
        PyObject iterable = args[0];
        PyObject value = args.length > 1 ? args[1] : PyNone.NONE;
        PyObject d = cls == PyType.DICT ? new PyDict() : Ops.call(cls);
        try {
            if (d.getClass() == PyDict.class && ((PyDict) d).size() == 0) {
                PyDict dd = (PyDict) d;
                if (iterable.getClass() == PyDict.class) {
                    PyDict src = (PyDict) iterable;
                    for (int i = 0; i < src.entrySlots(); i++) {
                        PyObject k = src.keyAt(i);
                        if (k != null) dd.setItem(k, src.hashAt(i), value);
                    }
                    return d;
                }
                if (iterable instanceof PyAnySet s && (s.getClass() == PySet.class || s.getClass() == PyFrozenSet.class)) {
                    s.forEachEntry((k, h) -> dd.setItem(k, h, value));
                    return d;
                }
            }
            PyObject it = Ops.iter(iterable);
            try {
                PyObject k;
                while ((k = Ops.next(it)) != null) {
                    try {
                        if (d.getClass() == PyDict.class) ((PyDict) d).setItem(k, value);
                        else Ops.setItem(d, k, value);
                    } finally {
                        RefCount.decref(k);
                    }
                }
            } finally {
                RefCount.decref(it);
            }
            return d;
        } catch (RuntimeException e) {
            RefCount.decref(d);
            throw e;
        }
    }

    // ---- the update protocol ------------------------------------------------------------------

    /** dict_update_arg: an exact dict or anything with keys() is a mapping, else an iterable of pairs. */
    static void updateArg(PyDict d, PyObject arg) {
        if (arg.getClass() == PyDict.class) {
            merge(d, arg, PyDict.MERGE_OVERRIDE);
            return;
        }
        PyObject keys = Ops.lookupAttr(arg, PyStr.intern("keys"));
        if (keys != null) {
            RefCount.decref(keys);
            merge(d, arg, PyDict.MERGE_OVERRIDE);
            return;
        }
        mergeFromSeq2(d, arg);
    }

    /** dict_merge: b is a dict (fast path, with its hashes) or a mapping with keys() and []. */
    static void merge(PyDict a, PyObject b, int mode) {
        if (b instanceof PyDict bd && b.type().iter == PyType.DICT.iter) {
            if (bd == a || bd.size() == 0) return;
            if (a.size() == 0) a.reserve(bd.size());
            int n = bd.entrySlots(), sizeAtStart = bd.size();
            for (int i = 0; i < bd.entrySlots(); i++) {
                PyObject k = bd.keyAt(i);
                if (k == null) continue;
                PyObject v = bd.valueAt(i);
                long h = bd.hashAt(i);
                RefCount.incref(k);
                RefCount.incref(v);
                try {
                    if (mode == PyDict.MERGE_OVERRIDE || a.getItem(k, h) == null) {
                        a.setItem(k, h, v);
                    } else if (mode == PyDict.MERGE_ERROR) {
                        throw Errors.keyError(k);
                    }
                } finally {
                    RefCount.decref(k);
                    RefCount.decref(v);
                }
                if (bd.size() != sizeAtStart || bd.entrySlots() != n) {
                    throw Errors.runtimeError("dict mutated during update");
                }
            }
            return;
        }
        PyObject keys = Ops.callMethod(b, "keys");
        PyObject it;
        try {
            it = Ops.iter(keys);
        } catch (PyException e) {
            if (!e.matches(PyExc.TypeError)) throw e;
            RefCount.decref(e.exc);
            throw Errors.typeError("%s.keys() returned a non-iterable (type %s)", b.type().name(), keys.type().name());
        } finally {
            RefCount.decref(keys);
        }
        try {
            PyObject k;
            while ((k = Ops.next(it)) != null) {
                try {
                    if (mode != PyDict.MERGE_OVERRIDE && a.containsKey(k)) {
                        if (mode == PyDict.MERGE_ERROR) throw Errors.keyError(k);
                        continue;
                    }
                    PyObject v = Ops.getItem(b, k);
                    try {
                        a.setItem(k, v);
                    } finally {
                        RefCount.decref(v);
                    }
                } finally {
                    RefCount.decref(k);
                }
            }
        } finally {
            RefCount.decref(it);
        }
    }

    /** PyDict_MergeFromSeq2 with override: each element must be a 2-sequence (key, value). */
    static void mergeFromSeq2(PyDict d, PyObject seq) {
        PyObject it = Ops.iter(seq);
        try {
            PyObject item;
            for (long i = 0; (item = Ops.next(it)) != null; i++) {
                try {
                    PyObject[] pair;
                    try {
                        pair = sequenceFast(item);
                    } catch (PyException e) {
                        if (!e.matches(PyExc.TypeError)) throw e;
                        RefCount.decref(e.exc);
                        throw Errors.typeError("cannot convert dictionary update sequence element #%d to a sequence", i);
                    }
                    try {
                        if (pair.length != 2) {
                            throw Errors.valueError("dictionary update sequence element #%d has length %d; 2 is required",
                                    i, pair.length);
                        }
                        d.setItem(pair[0], pair[1]);
                    } finally {
                        Sequences.decrefAll(pair, pair.length);
                    }
                } finally {
                    RefCount.decref(item);
                }
            }
        } finally {
            RefCount.decref(it);
        }
    }

    /** PySequence_Fast: the items of a list/tuple or any iterable, as new references. */
    private static PyObject[] sequenceFast(PyObject o) {
        if (o.getClass() == PyTuple.class || o.getClass() == PyList.class) return Sequences.toArray(o);
        return Sequences.drain(Ops.iter(o));
    }
}
