package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.collections.ReprGuard;
import dev.gilt.runtime.ops.Ops;

/**
 * The dict views {@code dict_keys}, {@code dict_values} and {@code dict_items} (one Java class,
 * three types): live, sized, iterable windows on a dict. Keys and items views are set-like
 * (comparisons with sets and other views, {@code & | - ^} returning sets, isdisjoint), as CPython.
 */
public final class PyDictView extends PyGcObject {
    public static final int KEYS = 0, VALUES = 1, ITEMS = 2;
    private static final String[] NAMES = {"dict_keys", "dict_values", "dict_items"};
    public static final PyType[] TYPES = new PyType[3];

    static {
        for (int k = 0; k < 3; k++) {
            final int kind = k;
            PyType t = PyType.builtin(NAMES[k], PyDictView.class);
            t.flags &= ~PyType.BASETYPE;
            t.len = o -> ((PyDictView) o).dict.size();
            t.iter = o -> new PyDictIterator(kind, ((PyDictView) o).dict);
            t.repr = PyDictView::repr;
            PyMethodDescr.define(t, "__reversed__", (Fn.F0) self -> new PyDictIterator(kind + 3, ((PyDictView) self).dict));
            dev.gilt.runtime.object.collections.ReadOnlyAttr.define(t, "mapping",
                    o -> dev.gilt.runtime.types.PyMappingProxy.of(((PyDictView) o).dict));
            if (kind != VALUES) {
                t.contains = (o, x) -> ((PyDictView) o).contains(x);
                t.richcompare = PyDictView::richCompare;
                t.hash = null;
                t.define("__hash__", PyNone.NONE);
                t.nb[Ops.NB_SUBTRACT] = (a, b) -> viewSetOp(a, b, Ops.NB_SUBTRACT);
                t.nb[Ops.NB_OR] = (a, b) -> viewSetOp(a, b, Ops.NB_OR);
                t.nb[Ops.NB_XOR] = (a, b) -> viewSetOp(a, b, Ops.NB_XOR);
                t.nb[Ops.NB_AND] = (a, b) -> intersect(a, b);
                PyMethodDescr.define(t, "isdisjoint", (Fn.F1) (self, o) -> PyBool.of(((PyDictView) self).isDisjoint(o)));
            }
            TYPES[k] = t;
        }
    }

    private final int kind;
    private PyDict dict;

    /** A view of {@code d} (borrowed; the view keeps a reference). */
    public PyDictView(int kind, PyDict d) {
        this.kind = kind;
        this.dict = RefCount.newRef(d);
    }

    @Override
    public PyType type() {
        return TYPES[kind];
    }

    public PyDict dict() {
        return dict;
    }

    /** {@code x in view}: a key lookup, or for items a (key, value) pair whose value is ==. */
    boolean contains(PyObject x) {
        if (kind == KEYS) return dict.containsKey(x);
        if (!(x instanceof PyTuple t) || t.size() != 2) return false;
        PyObject v = dict.getItem(t.get(0));
        if (v == null) return false;
        RefCount.incref(v);
        try {
            return Ops.eqBool(v, t.get(1));
        } finally {
            RefCount.decref(v);
        }
    }

    private static boolean isSetLikeView(PyObject o) {
        return o instanceof PyDictView v && v.kind != VALUES;
    }

    static PyObject repr(PyObject self) {
        PyDictView v = (PyDictView) self;
        String tn = self.type().name();
        if (!ReprGuard.enter(v)) return PyStr.of("...");
        try {
            PyList l = PyList.fromIterable(v);
            try {
                return PyStr.of(tn + "(" + l.reprString() + ")");
            } finally {
                RefCount.decref(l);
            }
        } finally {
            ReprGuard.exit(v);
        }
    }

    static PyObject richCompare(PyObject a, PyObject b, int op) {
        if (!(b instanceof PyAnySet) && !isSetLikeView(b)) return PyNotImplemented.NOT_IMPLEMENTED;
        long la = Ops.len(a), lb = Ops.len(b);
        boolean ok = false;
        switch (op) {
            case Ops.EQ, Ops.NE -> {
                if (la == lb) ok = allContainedIn(a, b);
                if (op == Ops.NE) ok = !ok;
            }
            case Ops.LT -> ok = la < lb && allContainedIn(a, b);
            case Ops.LE -> ok = la <= lb && allContainedIn(a, b);
            case Ops.GT -> ok = la > lb && allContainedIn(b, a);
            default -> ok = la >= lb && allContainedIn(b, a);
        }
        return PyBool.of(ok);
    }

    /** Every element of {@code a} is {@code in b}. */
    private static boolean allContainedIn(PyObject a, PyObject b) {
        PyObject it = Ops.iter(a);
        try {
            PyObject x;
            while ((x = Ops.next(it)) != null) {
                try {
                    if (!Ops.contains(b, x)) return false;
                } finally {
                    RefCount.decref(x);
                }
            }
            return true;
        } finally {
            RefCount.decref(it);
        }
    }

    /** {@code a - b}, {@code a | b}, {@code a ^ b}: set(a) updated by b (either side may be the view). */
    static PyObject viewSetOp(PyObject a, PyObject b, int op) {
        if (op == Ops.NB_XOR && a instanceof PyDictView va && va.kind == ITEMS
                && b instanceof PyDictView vb && vb.kind == ITEMS) {
            return itemsXor(va.dict, vb.dict);
        }
        PySet r = PySet.fromIterable(a);
        try {
            switch (op) {
                case Ops.NB_SUBTRACT -> SetMethods.differenceUpdate(r, b);
                case Ops.NB_OR -> r.updateInternal(b);
                default -> SetMethods.symmetricDifferenceUpdate(r, b);
            }
        } catch (RuntimeException e) {
            RefCount.decref(r);
            throw e;
        }
        return r;
    }

    /** items ^ items without hashing the values (CPython 3.12's dictitems_xor). */
    private static PyObject itemsXor(PyDict d1, PyDict d2) {
        PySet r = new PySet();
        try {
            addMissing(r, d1, d2);
            addMissing(r, d2, d1);
        } catch (RuntimeException e) {
            RefCount.decref(r);
            throw e;
        }
        return r;
    }

    /** Adds (k, v) for each item of a whose key is absent from b or maps to a different value. */
    private static void addMissing(PySet r, PyDict a, PyDict b) {
        for (int i = 0; i < a.entrySlots(); i++) {
            PyObject k = a.keyAt(i);
            if (k == null) continue;
            PyObject v = a.valueAt(i);
            RefCount.incref(k);
            RefCount.incref(v);
            try {
                PyObject w = b.getItem(k, a.hashAt(i));
                boolean same = false;
                if (w != null) {
                    RefCount.incref(w);
                    try {
                        same = Ops.eqBool(v, w);
                    } finally {
                        RefCount.decref(w);
                    }
                }
                if (!same) {
                    PyTuple pair = PyTuple.of(k, v);
                    try {
                        r.add(pair);
                    } finally {
                        RefCount.decref(pair);
                    }
                }
            } finally {
                RefCount.decref(k);
                RefCount.decref(v);
            }
        }
    }

    /** {@code a & b} (_PyDictView_Intersect). */
    static PyObject intersect(PyObject self, PyObject other) {
        if (!isSetLikeView(self)) {
            PyObject t = self;
            self = other;
            other = t;
        }
        PyDictView v = (PyDictView) self;
        long lenSelf = v.dict.size();
        if (other.getClass() == PySet.class && lenSelf <= ((PySet) other).used) {
            return SetMethods.intersection((PySet) other, self);
        }
        if (isSetLikeView(other) && ((PyDictView) other).dict.size() > lenSelf) {
            PyObject t = self;
            self = other;
            other = t;
            v = (PyDictView) self;
        }
        PySet r = new PySet();
        try {
            PyObject it = Ops.iter(other);
            try {
                PyObject x;
                while ((x = Ops.next(it)) != null) {
                    try {
                        if (v.contains(x)) r.add(x);
                    } finally {
                        RefCount.decref(x);
                    }
                }
            } finally {
                RefCount.decref(it);
            }
        } catch (RuntimeException e) {
            RefCount.decref(r);
            throw e;
        }
        return r;
    }

    boolean isDisjoint(PyObject other) {
        if (other == this) return dict.size() == 0;
        PyObject self = this;
        if (other instanceof PyAnySet || isSetLikeView(other)) {
            if (Ops.len(other) > dict.size()) {
                self = other;
                other = this;
            }
        }
        PyObject it = Ops.iter(other);
        try {
            PyObject x;
            while ((x = Ops.next(it)) != null) {
                try {
                    if (Ops.contains(self, x)) return false;
                } finally {
                    RefCount.decref(x);
                }
            }
            return true;
        } finally {
            RefCount.decref(it);
        }
    }

    @Override
    public void traverse(Visitor v) {
        if (dict != null) v.visit(dict);
    }

    @Override
    public void releaseReferences() {
        PyDict d = dict;
        dict = null;
        RefCount.xdecref(d);
    }
}
