package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.collections.Sequences;
import dev.gilt.runtime.ops.Ops;

/** {@code map(func, *iterables)}: func applied to one item of each iterable until one runs out. */
public final class PyMap extends SubclassableIterator {
    public static final PyType TYPE = PyType.builtin("map", PyMap.class);

    static {
        iteratorSlots(TYPE, o -> ((PyMap) o).next());
        TYPE.newInstance = PyMap::mapNew;
    }

    private PyObject func;
    private PyObject[] iters;

    private PyMap(PyType type, PyObject func, PyObject[] iters) {
        super(type);
        this.func = RefCount.newRef(func);
        this.iters = iters;
    }

    static PyObject mapNew(PyType type, PyObject[] args, PyTuple kw) {
        if (hasKeywords(kw) && type == TYPE) throw Errors.typeError("map() takes no keyword arguments");
        int npos = args.length - (kw == null ? 0 : kw.size());
        if (npos < 2) throw Errors.typeError("map() must have at least two arguments.");
        PyObject[] iters = new PyObject[npos - 1];
        try {
            for (int i = 1; i < npos; i++) iters[i - 1] = Ops.iter(args[i]);
        } catch (RuntimeException e) {
            for (PyObject o : iters) RefCount.xdecref(o);
            throw e;
        }
        return new PyMap(type, args[0], iters);
    }

    public PyObject next() {
        PyObject[] its = iters;
        if (its == null) return null;
        PyObject[] items = new PyObject[its.length];
        try {
            for (int i = 0; i < its.length; i++) {
                PyObject x = Ops.next(its[i]);
                if (x == null) return null;
                items[i] = x;
            }
            return Ops.call(func, items, null);
        } finally {
            Sequences.decrefAll(items, items.length);
        }
    }

    @Override
    protected void traverseItems(Visitor v) {
        if (func != null) v.visit(func);
        if (iters != null) for (PyObject o : iters) v.visit(o);
    }

    @Override
    protected void releaseItems() {
        PyObject f = func;
        PyObject[] its = iters;
        func = null;
        iters = null;
        RefCount.xdecref(f);
        if (its != null) for (PyObject o : its) RefCount.xdecref(o);
    }
}
