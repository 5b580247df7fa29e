package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code reversed(seq)}: the object's {@code __reversed__()} if it has one, else a
 * {@code reversed} iterator walking {@code seq[len-1] .. seq[0]} through {@code __getitem__}.
 */
public final class PyReversed extends SubclassableIterator {
    public static final PyType TYPE = PyType.builtin("reversed", PyReversed.class);

    static {
        iteratorSlots(TYPE, o -> ((PyReversed) o).next());
        TYPE.newInstance = (type, args, kw) -> {
            if (hasKeywords(kw) && type == TYPE) throw Errors.typeError("reversed() takes no keyword arguments");
            if (args.length != 1) throw Errors.typeError("reversed expected 1 argument, got %d", args.length);
            return reversed(type, args[0]);
        };
        PyMethodDescr.define(TYPE, "__length_hint__", (Fn.F0) self -> {
            PyReversed r = (PyReversed) self;
            return PyInt.of(r.seq == null ? 0 : Math.max(0, r.index + 1));
        });
    }

    private PyObject seq;
    private long index;

    private PyReversed(PyType type, PyObject seq, long n) {
        super(type);
        this.seq = RefCount.newRef(seq);
        this.index = n - 1;
    }

    /** {@code reversed(seq)}: a new iterator (CPython's reversed_new_impl). */
    public static PyObject reversed(PyObject seq) {
        return reversed(TYPE, seq);
    }

    static PyObject reversed(PyType type, PyObject seq) {
        if (type == TYPE) {
            if (seq.getClass() == PyList.class) return new PyListIterator.Reverse((PyList) seq);
            if (seq.getClass() == PyRange.class) return ((PyRange) seq).iterator(true);
        }
        PyObject meth = seq.type().lookup(PyStr.intern("__reversed__"));
        if (meth == PyNone.NONE) throw notReversible(seq);
        if (meth != null) {
            Slots.DescrGet g = meth.type().descrGet;
            if (g == null) return Ops.call(meth);
            PyObject bound = g.get(meth, seq, seq.type());
            try {
                return Ops.call(bound);
            } finally {
                RefCount.decref(bound);
            }
        }
        if (seq.type().getitem == null || seq instanceof PyDict) throw notReversible(seq);
        long n = Ops.len(seq);
        return new PyReversed(type, seq, n);
    }

    private static PyException notReversible(PyObject seq) {
        return Errors.typeError("'%s' object is not reversible", seq.type().name());
    }

    public PyObject next() {
        if (seq == null) return null;
        if (index >= 0) {
            PyInt i = PyInt.of(index);
            try {
                PyObject x = Ops.getItem(seq, i);
                index--;
                return x;
            } catch (PyException e) {
                if (!e.matches(PyExc.IndexError) && !e.matches(PyExc.StopIteration)) throw e;
                RefCount.decref(e.exc);
            } finally {
                RefCount.decref(i);
            }
        }
        index = -1;
        releaseItems();
        return null;
    }

    @Override
    protected void traverseItems(Visitor v) {
        if (seq != null) v.visit(seq);
    }

    @Override
    protected void releaseItems() {
        PyObject s = seq;
        seq = null;
        RefCount.xdecref(s);
    }
}
