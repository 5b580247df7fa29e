package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.ops.Ops;

/** {@code filter(function or None, iterable)}: the items for which function(item) is true. */
public final class PyFilter extends SubclassableIterator {
    public static final PyType TYPE = PyType.builtin("filter", PyFilter.class);

    static {
        iteratorSlots(TYPE, o -> ((PyFilter) o).next());
        TYPE.newInstance = (type, args, kw) -> {
            if (hasKeywords(kw) && type == TYPE) throw Errors.typeError("filter() takes no keyword arguments");
            int npos = args.length - (kw == null ? 0 : kw.size());
            if (npos != 2) throw Errors.typeError("filter expected 2 arguments, got %d", npos);
            return new PyFilter(type, args[0], args[1]);
        };
    }

    private PyObject func;
    private PyObject it;

    private PyFilter(PyType type, PyObject func, PyObject iterable) {
        super(type);
        this.it = Ops.iter(iterable);
        this.func = RefCount.newRef(func);
    }

    public PyObject next() {
        if (it == null) return null;
        boolean truth = func == PyNone.NONE || func == PyBool.TYPE;
        while (true) {
            PyObject x = Ops.next(it);
            if (x == null) return null;
            boolean ok;
            try {
                if (truth) {
                    ok = Ops.isTrue(x);
                } else {
                    PyObject r = Ops.call(func, x);
                    try {
                        ok = Ops.isTrue(r);
                    } finally {
                        RefCount.decref(r);
                    }
                }
            } catch (RuntimeException e) {
                RefCount.decref(x);
                throw e;
            }
            if (ok) return x;
            RefCount.decref(x);
        }
    }

    @Override
    protected void traverseItems(Visitor v) {
        if (func != null) v.visit(func);
        if (it != null) v.visit(it);
    }

    @Override
    protected void releaseItems() {
        PyObject f = func, i = it;
        func = null;
        it = null;
        RefCount.xdecref(f);
        RefCount.xdecref(i);
    }
}
