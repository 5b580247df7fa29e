package dev.gilt.runtime.object.collections;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.Slots;
import dev.gilt.runtime.ops.Ops;
import java.util.Arrays;

/**
 * Sequence helpers the VM and builtins use: unpacking (UNPACK_SEQUENCE, UNPACK_EX) with CPython
 * 3.12's messages, {@code sorted()}, and materialising any iterable into an array
 * (PySequence_Fast).
 */
public final class Sequences {
    private Sequences() {}

    /**
     * {@code a, b, c = seq}: the {@code n} items in order, each a new reference (the VM pushes
     * them in reverse). Raises TypeError "cannot unpack non-iterable X object" and CPython 3.12's
     * ValueErrors ("not enough values to unpack (expected 3, got 2)", "too many values to unpack
     * (expected 2, got 3)" for list/tuple/dict, "(expected 2)" for other iterables). On error no
     * reference is leaked.
     */
    public static PyObject[] unpack(PyObject seq, int n) {
        if (seq.getClass() == PyTuple.class) {
            PyTuple t = (PyTuple) seq;
            int size = t.size();
            if (size == n) {
                PyObject[] out = t.items.clone();
                for (PyObject o : out) RefCount.incref(o);
                return out;
            }
            throw unpackSizeError(n, size);
        }
        if (seq.getClass() == PyList.class) {
            PyList l = (PyList) seq;
            int size = l.size();
            if (size == n) {
                PyObject[] out = new PyObject[n];
                for (int i = 0; i < n; i++) out[i] = RefCount.newRef(l.get(i));
                return out;
            }
            throw unpackSizeError(n, size);
        }
        PyObject it = iterForUnpack(seq);
        PyObject[] out = new PyObject[n];
        int i = 0;
        try {
            for (; i < n; i++) {
                PyObject x = Ops.next(it);
                if (x == null) throw Errors.valueError("not enough values to unpack (expected %d, got %d)", n, i);
                out[i] = x;
            }
            PyObject extra = Ops.next(it);
            if (extra != null) {
                RefCount.decref(extra);
                if (seq instanceof PyDict d && seq.getClass() == PyDict.class) {
                    throw Errors.valueError("too many values to unpack (expected %d, got %d)", n, d.size());
                }
                throw Errors.valueError("too many values to unpack (expected %d)", n);
            }
            return out;
        } catch (RuntimeException e) {
            for (int j = 0; j < n; j++) RefCount.xdecref(out[j]);
            throw e;
        } finally {
            RefCount.decref(it);
        }
    }

    private static PyException unpackSizeError(int n, int size) {
        if (size < n) return Errors.valueError("not enough values to unpack (expected %d, got %d)", n, size);
        return Errors.valueError("too many values to unpack (expected %d, got %d)", n, size);
    }

    /**
     * {@code a, *b, c = seq} with {@code before} names before the star and {@code after} after
     * it: returns {@code before + 1 + after} new references in order, the starred one a new list.
     */
    public static PyObject[] unpackEx(PyObject seq, int before, int after) {
        PyObject it = iterForUnpack(seq);
        PyObject[] out = new PyObject[before + 1 + after];
        try {
            for (int i = 0; i < before; i++) {
                PyObject x = Ops.next(it);
                if (x == null) {
                    throw Errors.valueError("not enough values to unpack (expected at least %d, got %d)",
                            before + after, i);
                }
                out[i] = x;
            }
            PyList rest = PyList.fromIterable(it);
            out[before] = rest;
            int ll = rest.size();
            if (ll < after) {
                throw Errors.valueError("not enough values to unpack (expected at least %d, got %d)",
                        before + after, before + ll);
            }
            System.arraycopy(rest.popTail(after), 0, out, before + 1, after);
            return out;
        } catch (RuntimeException e) {
            for (PyObject o : out) RefCount.xdecref(o);
            throw e;
        } finally {
            RefCount.decref(it);
        }
    }

    private static PyObject iterForUnpack(PyObject seq) {
        if (seq.type().iter == null && seq.type().getitem == null) {
            throw Errors.typeError("cannot unpack non-iterable %s object", seq.type().name());
        }
        return Ops.iter(seq);
    }

    /** {@code sorted(iterable, key=key, reverse=reverse)}: a new list. key may be null or None. */
    public static PyList sortedList(PyObject iterable, PyObject key, boolean reverse) {
        PyList l = PyList.fromIterable(iterable);
        try {
            l.sort(key, reverse);
        } catch (RuntimeException e) {
            RefCount.decref(l);
            throw e;
        }
        return l;
    }

    /**
     * The items of any iterable as a fresh array of new references, sized exactly (CPython's
     * PySequence_Fast followed by a copy). Exact lists and tuples are copied without iterating.
     */
    public static PyObject[] toArray(PyObject iterable) {
        if (iterable.getClass() == PyTuple.class) {
            PyObject[] a = ((PyTuple) iterable).items.clone();
            for (PyObject o : a) RefCount.incref(o);
            return a;
        }
        if (iterable.getClass() == PyList.class) return ((PyList) iterable).toArray();
        return drain(Ops.iter(iterable));
    }

    /** Runs iterator {@code it} to its end: its items as an exact-size array of new references. Steals {@code it}. */
    public static PyObject[] drain(PyObject it) {
        PyObject[] a = new PyObject[8];
        int n = 0;
        try {
            PyObject x;
            while ((x = Ops.next(it)) != null) {
                if (n == a.length) a = Arrays.copyOf(a, n + (n >> 1) + 8);
                a[n++] = x;
            }
        } catch (RuntimeException e) {
            for (int i = 0; i < n; i++) RefCount.decref(a[i]);
            throw e;
        } finally {
            RefCount.decref(it);
        }
        return n == a.length ? a : Arrays.copyOf(a, n);
    }

    /** Decrefs every element of {@code a[0..n)}. */
    public static void decrefAll(PyObject[] a, int n) {
        for (int i = 0; i < n; i++) RefCount.xdecref(a[i]);
    }

    /**
     * What CPython's binary_op1 would try after a sequence type's own slot: the right operand's
     * reflected method ({@code __radd__}, {@code __rmul__}). Only a slot that a user class defines
     * itself counts: builtin types (numbers, other sequences) have no reflected form for a
     * sequence on the left, and the slot of a user class that merely inherits a builtin's is the
     * builtin's. Returns the result, or null when there is no such slot or it answered
     * NotImplemented.
     */
    public static PyObject tryRightSlot(int op, PyObject a, PyObject b, Slots.Binary leftSlot) {
        Slots.Binary sb = userSlot(b.type(), op);
        if (sb == null || sb == leftSlot) return null;
        PyObject r = sb.apply(a, b);
        if (r == PyNotImplemented.NOT_IMPLEMENTED) {
            RefCount.decref(r);
            return null;
        }
        return r;
    }

    /** The number slot {@code op} of a heap type when it is not the one its builtin base has. */
    private static Slots.Binary userSlot(PyType t, int op) {
        if (!t.isHeapType()) return null;
        Slots.Binary s = t.nb[op];
        if (s == null) return null;
        for (PyType m : t.mro) {
            if (!m.isHeapType()) return m.nb[op] == s ? null : s;
        }
        return s;
    }

    /** "can't multiply sequence by non-int of type 'X'". */
    public static PyException cantMultiply(PyObject n) {
        return Errors.typeError("can't multiply sequence by non-int of type '%s'", n.type().name());
    }

    /** MemoryError for results too large for a Java array. */
    public static PyException tooBig() {
        return Errors.of(PyExc.MemoryError);
    }

    /** Largest number of items a Java-array-backed sequence may hold. */
    public static final int MAX_SIZE = Integer.MAX_VALUE - 16;
}
