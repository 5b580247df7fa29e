package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.ops.Ops;

/** {@code zip(*iterables, strict=False)}, with 3.10's strict length checks. */
public final class PyZip extends SubclassableIterator {
    public static final PyType TYPE = PyType.builtin("zip", PyZip.class);

    static {
        iteratorSlots(TYPE, o -> ((PyZip) o).next());
        TYPE.newInstance = PyZip::zipNew;
    }

    private PyObject[] iters;
    private final boolean strict;

    /** Steals the iterators in {@code iters}. */
    private PyZip(PyType type, PyObject[] iters, boolean strict) {
        super(type);
        this.iters = iters;
        this.strict = strict;
    }

    static PyObject zipNew(PyType type, PyObject[] args, PyTuple kw) {
        int nkw = kw == null ? 0 : kw.size();
        int npos = args.length - nkw;
        boolean strict = false;
        for (int k = 0; k < nkw; k++) {
            String name = ((PyStr) kw.get(k)).value;
            if (!name.equals("strict")) throw Errors.typeError("zip() got an unexpected keyword argument '%s'", name);
            strict = Ops.isTrue(args[npos + k]);
        }
        PyObject[] iters = new PyObject[npos];
        try {
            for (int i = 0; i < npos; i++) iters[i] = Ops.iter(args[i]);
        } catch (RuntimeException e) {
            for (PyObject o : iters) RefCount.xdecref(o);
            throw e;
        }
        return new PyZip(type, iters, strict);
    }

    public PyObject next() {
        PyObject[] its = iters;
        if (its == null || its.length == 0) return null;
        PyObject[] items = new PyObject[its.length];
        for (int i = 0; i < its.length; i++) {
            PyObject x;
            try {
                x = Ops.next(its[i]);
            } catch (RuntimeException e) {
                for (int j = 0; j < i; j++) RefCount.decref(items[j]);
                throw e;
            }
            if (x == null) {
                for (int j = 0; j < i; j++) RefCount.decref(items[j]);
                if (strict) checkStrict(its, i);
                return null;
            }
            items[i] = x;
        }
        return PyTuple.steal(items);
    }

    /** Iterator i ran out first: every other one must be exhausted too. */
    private static void checkStrict(PyObject[] its, int i) {
        if (i > 0) {
            throw Errors.valueError("zip() argument %d is shorter than argument%s%d", i + 1, i == 1 ? " " : "s 1-", i);
        }
        for (int j = 1; j < its.length; j++) {
            PyObject x = Ops.next(its[j]);
            if (x != null) {
                RefCount.decref(x);
                throw Errors.valueError("zip() argument %d is longer than argument%s%d", j + 1, j == 1 ? " " : "s 1-", j);
            }
        }
    }

    @Override
    protected void traverseItems(Visitor v) {
        if (iters != null) for (PyObject o : iters) v.visit(o);
    }

    @Override
    protected void releaseItems() {
        PyObject[] its = iters;
        iters = null;
        if (its != null) for (PyObject o : its) RefCount.xdecref(o);
    }
}
