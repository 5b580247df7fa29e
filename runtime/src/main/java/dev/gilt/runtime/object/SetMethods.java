package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.collections.ReprGuard;
import dev.gilt.runtime.ops.Ops;

/**
 * The Python face of {@code set} and {@code frozenset}: slots, methods, constructors, and the set
 * algebra, each following CPython's setobject.c choice of which operand to iterate and which
 * table to copy (that choice decides iteration order of the result and which of two equal
 * elements is kept).
 */
final class SetMethods {
    private SetMethods() {}

    // ---- installation ---------------------------------------------------------------------------

    private static void installCommon(PyType t) {
        t.repr = SetMethods::repr;
        t.richcompare = SetMethods::richCompare;
        t.iter = o -> new PySetIterator((PyAnySet) o);
        t.len = o -> ((PyAnySet) o).used;
        t.bool = o -> ((PyAnySet) o).used != 0;
        t.contains = (o, k) -> ((PyAnySet) o).contains(k);
        t.nb[Ops.NB_SUBTRACT] = (a, b) -> both(a, b) ? difference((PyAnySet) a, b) : PyNotImplemented.NOT_IMPLEMENTED;
        t.nb[Ops.NB_AND] = (a, b) -> both(a, b) ? intersection((PyAnySet) a, b) : PyNotImplemented.NOT_IMPLEMENTED;
        t.nb[Ops.NB_XOR] = (a, b) -> both(a, b) ? symmetricDifference((PyAnySet) a, b) : PyNotImplemented.NOT_IMPLEMENTED;
        t.nb[Ops.NB_OR] = (a, b) -> both(a, b) ? union((PyAnySet) a, b) : PyNotImplemented.NOT_IMPLEMENTED;

        PyMethodDescr.define(t, "__contains__", (Fn.F1) (self, k) -> PyBool.of(((PyAnySet) self).contains(k)));
        PyMethodDescr.define(t, "difference", (Fn.FV) (self, args, kw) -> {
            noKeywords("difference", kw);
            return differenceMulti((PyAnySet) self, args);
        });
        PyMethodDescr.define(t, "intersection", (Fn.FV) (self, args, kw) -> {
            noKeywords("intersection", kw);
            return intersectionMulti((PyAnySet) self, args);
        });
        PyMethodDescr.define(t, "union", (Fn.FV) (self, args, kw) -> {
            noKeywords("union", kw);
            return unionMulti((PyAnySet) self, args);
        });
        PyMethodDescr.define(t, "symmetric_difference", (Fn.F1) (self, o) -> symmetricDifference((PyAnySet) self, o));
        PyMethodDescr.define(t, "isdisjoint", (Fn.F1) (self, o) -> PyBool.of(isDisjoint((PyAnySet) self, o)));
        PyMethodDescr.define(t, "issubset", (Fn.F1) (self, o) -> PyBool.of(isSubset((PyAnySet) self, o)));
        PyMethodDescr.define(t, "issuperset", (Fn.F1) (self, o) -> PyBool.of(isSuperset((PyAnySet) self, o)));
        PyMethodDescr.define(t, "__reduce__", (Fn.F0) self -> {
            PyObject keys = ((PyAnySet) self).toList();
            PyObject state = PyNone.NONE;
            PyDict d = self instanceof HasDict h ? h.getDict(false) : null;
            if (d != null) state = RefCount.newRef(d);
            return PyTuple.steal(self.type(), PyTuple.steal(keys), state);
        });
    }

    static void installSet(PyType t) {
        installCommon(t);
        t.hash = null;
        t.define("__hash__", PyNone.NONE);
        t.nbInplace[Ops.NB_OR] = (a, b) -> inplace(a, b, () -> ((PyAnySet) a).updateInternal(b));
        t.nbInplace[Ops.NB_AND] = (a, b) -> inplace(a, b, () -> intersectionUpdate((PyAnySet) a, b));
        t.nbInplace[Ops.NB_SUBTRACT] = (a, b) -> inplace(a, b, () -> differenceUpdate((PyAnySet) a, b));
        t.nbInplace[Ops.NB_XOR] = (a, b) -> inplace(a, b, () -> symmetricDifferenceUpdate((PyAnySet) a, b));
        t.newInstance = (type, args, kw) -> type == PySet.TYPE ? new PySet() : new PySet.Sub(type);
        t.init = SetMethods::setInit;

        PyMethodDescr.define(t, "add", (Fn.F1) (self, k) -> {
            ((PySet) self).add(k);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "remove", (Fn.F1) (self, k) -> {
            if (!((PySet) self).discard(k)) throw Errors.keyError(k);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "discard", (Fn.F1) (self, k) -> {
            ((PySet) self).discard(k);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "pop", (Fn.F0) self -> ((PySet) self).pop());
        PyMethodDescr.define(t, "clear", (Fn.F0) self -> {
            ((PySet) self).clear();
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "copy", (Fn.F0) self -> ((PyAnySet) self).copyBase());
        PyMethodDescr.define(t, "update", (Fn.FV) (self, args, kw) -> {
            noKeywords("update", kw);
            for (PyObject o : args) ((PyAnySet) self).updateInternal(o);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "intersection_update", (Fn.FV) (self, args, kw) -> {
            noKeywords("intersection_update", kw);
            PyAnySet r = intersectionMulti((PyAnySet) self, args);
            PyAnySet.swapBodies((PyAnySet) self, r);
            RefCount.decref(r);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "difference_update", (Fn.FV) (self, args, kw) -> {
            noKeywords("difference_update", kw);
            for (PyObject o : args) differenceUpdate((PyAnySet) self, o);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "symmetric_difference_update", (Fn.F1) (self, o) -> {
            symmetricDifferenceUpdate((PyAnySet) self, o);
            return PyNone.NONE;
        });
    }

    static void installFrozenSet(PyType t) {
        installCommon(t);
        t.hash = o -> ((PyFrozenSet) o).hashValue();
        t.newInstance = SetMethods::frozenSetNew;
        PyMethodDescr.define(t, "copy", (Fn.F0) self -> self.getClass() == PyFrozenSet.class
                ? RefCount.newRef(self) : ((PyAnySet) self).copyBase());
    }

    private static boolean both(PyObject a, PyObject b) {
        return a instanceof PyAnySet && b instanceof PyAnySet;
    }

    private static void noKeywords(String name, PyTuple kw) {
        if (kw != null && kw.size() > 0) throw Errors.typeError("set.%s() takes no keyword arguments", name);
    }

    /** An in-place operator: NotImplemented unless b is a set; else run op and return a. */
    private static PyObject inplace(PyObject a, PyObject b, Runnable op) {
        if (!(b instanceof PyAnySet)) return PyNotImplemented.NOT_IMPLEMENTED;
        op.run();
        return RefCount.newRef(a);
    }

    // ---- construction -----------------------------------------------------------------------------

    /** set.__init__(self, iterable=()) */
    static void setInit(PyObject self, PyObject[] args, PyTuple kw) {
        int nkw = kw == null ? 0 : kw.size();
        if (nkw > 0) throw Errors.typeError("set() takes no keyword arguments");
        if (args.length > 1) throw Errors.typeError("%s expected at most 1 argument, got %d", self.type().name(), args.length);
        PyAnySet s = (PyAnySet) self;
        if (s.fill > 0) s.clear();
        s.hash = -1;
        if (args.length == 1) s.updateInternal(args[0]);
    }

    /** frozenset.__new__(type, iterable=()) */
    static PyObject frozenSetNew(PyType type, PyObject[] args, PyTuple kw) {
        int nkw = kw == null ? 0 : kw.size();
        if (nkw > 0 && (type == PyFrozenSet.TYPE || type.init == PyFrozenSet.TYPE.init)) {
            throw Errors.typeError("frozenset() takes no keyword arguments");
        }
        int npos = args.length - nkw;
        if (npos > 1) throw Errors.typeError("%s expected at most 1 argument, got %d", type.name(), npos);
        if (type == PyFrozenSet.TYPE) return npos == 0 ? new PyFrozenSet() : PyFrozenSet.fromIterable(args[0]);
        PyFrozenSet s = new PyFrozenSet.Sub(type);
        if (npos == 1) {
            try {
                s.updateInternal(args[0]);
            } catch (RuntimeException e) {
                RefCount.decref(s);
                throw e;
            }
        }
        return s;
    }

    // ---- repr and comparison ------------------------------------------------------------------

    static PyObject repr(PyObject self) {
        PyAnySet s = (PyAnySet) self;
        String tn = self.type().name();
        if (!ReprGuard.enter(s)) return PyStr.of(tn + "(...)");
        try {
            if (s.used == 0) return PyStr.of(tn + "()");
            PyList keys = s.toList();
            String lr;
            try {
                lr = keys.reprString();
            } finally {
                RefCount.decref(keys);
            }
            String inner = lr.substring(1, lr.length() - 1);
            return PyStr.of(self.getClass() == PySet.class ? "{" + inner + "}" : tn + "({" + inner + "})");
        } finally {
            ReprGuard.exit(s);
        }
    }

    static PyObject richCompare(PyObject a, PyObject b, int op) {
        if (!(b instanceof PyAnySet w)) return PyNotImplemented.NOT_IMPLEMENTED;
        PyAnySet v = (PyAnySet) a;
        return switch (op) {
            case Ops.EQ -> PyBool.of(setEquals(v, w));
            case Ops.NE -> PyBool.of(!setEquals(v, w));
            case Ops.LE -> PyBool.of(isSubset(v, w));
            case Ops.GE -> PyBool.of(isSuperset(v, w));
            case Ops.LT -> PyBool.of(v.used < w.used && isSubset(v, w));
            default -> PyBool.of(v.used > w.used && isSuperset(v, w));
        };
    }

    private static boolean setEquals(PyAnySet v, PyAnySet w) {
        if (v.used != w.used) return false;
        if (v.hash != -1 && w.hash != -1 && v.hash != w.hash) return false;
        return isSubset(v, w);
    }

    // ---- the algebra (CPython's choices of iteration order) --------------------------------------

    /** Elements of s in table order, with hashes, as a stable snapshot (new references). */
    private static PyObject[] snapshot(PyAnySet s, long[] hashesOut) {
        if (PyAnySet.shared()) {
            synchronized (s) {
                return snapshotUnshared(s, hashesOut);
            }
        }
        return snapshotUnshared(s, hashesOut);
    }

    private static PyObject[] snapshotUnshared(PyAnySet s, long[] hashesOut) {
        PyObject[] out = new PyObject[Math.min(s.used, hashesOut.length)];
        int n = 0;
        for (int i = 0; i <= s.mask && n < out.length; i++) {
            PyObject k = s.keys[i];
            if (k != null && k != PyAnySet.DUMMY) {
                hashesOut[n] = s.hashes[i];
                out[n++] = RefCount.newRef(k);
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    static PyAnySet union(PyAnySet so, PyObject other) {
        PyAnySet r = so.copyBase();
        if (other == so) return r;
        try {
            r.updateInternal(other);
        } catch (RuntimeException e) {
            RefCount.decref(r);
            throw e;
        }
        return r;
    }

    static PyAnySet unionMulti(PyAnySet so, PyObject[] others) {
        PyAnySet r = so.copyBase();
        try {
            for (PyObject o : others) if (o != so) r.updateInternal(o);
        } catch (RuntimeException e) {
            RefCount.decref(r);
            throw e;
        }
        return r;
    }

    /** set_intersection: iterates the smaller set (or the other iterable) and keeps its elements. */
    static PyAnySet intersection(PyAnySet so, PyObject other) {
        if (other == so) return so.copyBase();
        PyAnySet result = so.newEmptyLike();
        try {
            if (other instanceof PyAnySet os) {
                PyAnySet big = so, small = os;
                if (os.used > so.used) {
                    big = os;
                    small = so;
                }
                long[] hs = new long[small.used];
                PyObject[] ks = snapshot(small, hs);
                try {
                    for (int i = 0; i < ks.length; i++) {
                        if (big.lookKey(ks[i], hs[i]) >= 0) result.addEntry(ks[i], hs[i]);
                    }
                } finally {
                    for (PyObject k : ks) RefCount.decref(k);
                }
                return result;
            }
            PyObject it = Ops.iter(other);
            try {
                PyObject k;
                while ((k = Ops.next(it)) != null) {
                    try {
                        long h = PyAnySet.hashOf(k);
                        if (so.lookKey(k, h) >= 0) {
                            result.addEntry(k, h);
                            if (result.used >= so.used) break;
                        }
                    } finally {
                        RefCount.decref(k);
                    }
                }
            } finally {
                RefCount.decref(it);
            }
            return result;
        } catch (RuntimeException e) {
            RefCount.decref(result);
            throw e;
        }
    }

    static PyAnySet intersectionMulti(PyAnySet so, PyObject[] others) {
        if (others.length == 0) return so.copyBase();
        PyAnySet result = RefCount.newRef(so);
        for (PyObject o : others) {
            PyAnySet next;
            try {
                next = intersection(result, o);
            } finally {
                RefCount.decref(result);
            }
            result = next;
        }
        return result;
    }

    static void intersectionUpdate(PyAnySet so, PyObject other) {
        PyAnySet tmp = intersection(so, other);
        PyAnySet.swapBodies(so, tmp);
        RefCount.decref(tmp);
    }

    static boolean isDisjoint(PyAnySet so, PyObject other) {
        if (other == so) return so.used == 0;
        if (other.getClass() == PySet.class || other.getClass() == PyFrozenSet.class) {
            PyAnySet big = so, small = (PyAnySet) other;
            if (small.used > big.used) {
                PyAnySet t = big;
                big = small;
                small = t;
            }
            long[] hs = new long[small.used];
            PyObject[] ks = snapshot(small, hs);
            try {
                for (int i = 0; i < ks.length; i++) if (big.lookKey(ks[i], hs[i]) >= 0) return false;
            } finally {
                for (PyObject k : ks) RefCount.decref(k);
            }
            return true;
        }
        PyObject it = Ops.iter(other);
        try {
            PyObject k;
            while ((k = Ops.next(it)) != null) {
                try {
                    if (so.containsKey(k)) return false;
                } finally {
                    RefCount.decref(k);
                }
            }
            return true;
        } finally {
            RefCount.decref(it);
        }
    }

    /** set_difference_update_internal, including CPython's dummy purge afterwards. */
    static void differenceUpdate(PyAnySet so, PyObject other) {
        if (other == so) {
            so.clear();
            return;
        }
        if (other instanceof PyAnySet os) {
            PyAnySet src = (os.used >> 3) > so.used ? intersection(so, os) : RefCount.newRef(os);
            try {
                long[] hs = new long[src.used];
                PyObject[] ks = snapshot(src, hs);
                try {
                    for (int i = 0; i < ks.length; i++) so.discardEntry(ks[i], hs[i]);
                } finally {
                    for (PyObject k : ks) RefCount.decref(k);
                }
            } finally {
                RefCount.decref(src);
            }
        } else {
            PyObject it = Ops.iter(other);
            try {
                PyObject k;
                while ((k = Ops.next(it)) != null) {
                    try {
                        so.discardKey(k);
                    } finally {
                        RefCount.decref(k);
                    }
                }
            } finally {
                RefCount.decref(it);
            }
        }
        if (so.fill - so.used <= so.mask / 4) return;
        so.resize(so.used > 50000 ? (long) so.used * 2 : (long) so.used * 4);
    }

    private static PyAnySet copyAndDifference(PyAnySet so, PyObject other) {
        PyAnySet r = so.copyBase();
        try {
            differenceUpdate(r, other);
        } catch (RuntimeException e) {
            RefCount.decref(r);
            throw e;
        }
        return r;
    }

    /** set_difference: copy-and-discard when so is much larger, else rebuild from so's elements. */
    static PyAnySet difference(PyAnySet so, PyObject other) {
        int otherSize;
        if (other instanceof PyAnySet os) otherSize = os.used;
        else if (other.getClass() == PyDict.class) otherSize = ((PyDict) other).size();
        else return copyAndDifference(so, other);
        if ((so.used >> 2) > otherSize) return copyAndDifference(so, other);
        PyAnySet result = so.newEmptyLike();
        long[] hs = new long[so.used];
        PyObject[] ks = snapshot(so, hs);
        try {
            for (int i = 0; i < ks.length; i++) {
                boolean in = other instanceof PyAnySet os
                        ? os.lookKey(ks[i], hs[i]) >= 0
                        : ((PyDict) other).getItem(ks[i], hs[i]) != null;
                if (!in) result.addEntry(ks[i], hs[i]);
            }
        } catch (RuntimeException e) {
            RefCount.decref(result);
            throw e;
        } finally {
            for (PyObject k : ks) RefCount.decref(k);
        }
        return result;
    }

    static PyAnySet differenceMulti(PyAnySet so, PyObject[] others) {
        if (others.length == 0) return so.copyBase();
        PyAnySet r = difference(so, others[0]);
        try {
            for (int i = 1; i < others.length; i++) differenceUpdate(r, others[i]);
        } catch (RuntimeException e) {
            RefCount.decref(r);
            throw e;
        }
        return r;
    }

    /** set_symmetric_difference_update: toggles each element of other (as a set) in so. */
    static void symmetricDifferenceUpdate(PyAnySet so, PyObject other) {
        if (other == so) {
            so.clear();
            return;
        }
        if (other.getClass() == PyDict.class) {
            PyDict d = (PyDict) other;
            for (int i = 0; i < d.entrySlots(); i++) {
                PyObject k = d.keyAt(i);
                if (k == null) continue;
                long h = d.hashAt(i);
                RefCount.incref(k);
                try {
                    if (!so.discardEntry(k, h)) so.addEntry(k, h);
                } finally {
                    RefCount.decref(k);
                }
            }
            return;
        }
        PyAnySet os = other instanceof PyAnySet s ? RefCount.newRef(s) : fromIterableLike(so, other);
        try {
            long[] hs = new long[os.used];
            PyObject[] ks = snapshot(os, hs);
            try {
                for (int i = 0; i < ks.length; i++) {
                    if (!so.discardEntry(ks[i], hs[i])) so.addEntry(ks[i], hs[i]);
                }
            } finally {
                for (PyObject k : ks) RefCount.decref(k);
            }
        } finally {
            RefCount.decref(os);
        }
    }

    private static PyAnySet fromIterableLike(PyAnySet so, PyObject iterable) {
        PyAnySet r = so.newEmptyLike();
        try {
            r.updateInternal(iterable);
        } catch (RuntimeException e) {
            RefCount.decref(r);
            throw e;
        }
        return r;
    }

    /** set_symmetric_difference: a copy of other (as so's base kind) toggled by so. */
    static PyAnySet symmetricDifference(PyAnySet so, PyObject other) {
        PyAnySet r = fromIterableLike(so, other);
        try {
            symmetricDifferenceUpdate(r, so);
        } catch (RuntimeException e) {
            RefCount.decref(r);
            throw e;
        }
        return r;
    }

    static boolean isSubset(PyAnySet so, PyObject other) {
        if (!(other instanceof PyAnySet os)) {
            PyAnySet tmp = intersection(so, other);
            try {
                return tmp.used == so.used;
            } finally {
                RefCount.decref(tmp);
            }
        }
        if (so.used > os.used) return false;
        long[] hs = new long[so.used];
        PyObject[] ks = snapshot(so, hs);
        try {
            for (int i = 0; i < ks.length; i++) if (os.lookKey(ks[i], hs[i]) < 0) return false;
        } finally {
            for (PyObject k : ks) RefCount.decref(k);
        }
        return true;
    }

    static boolean isSuperset(PyAnySet so, PyObject other) {
        if (other instanceof PyAnySet os) return isSubset(os, so);
        PyObject it = Ops.iter(other);
        try {
            PyObject k;
            while ((k = Ops.next(it)) != null) {
                try {
                    if (!so.containsKey(k)) return false;
                } finally {
                    RefCount.decref(k);
                }
            }
            return true;
        } finally {
            RefCount.decref(it);
        }
    }

}
