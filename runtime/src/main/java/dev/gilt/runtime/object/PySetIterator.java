package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;

/** {@code set_iterator}: table order; RuntimeError "Set changed size during iteration" on size change. */
public final class PySetIterator extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("set_iterator", PySetIterator.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.iter = RefCount::newRef;
        TYPE.next = o -> ((PySetIterator) o).next();
        PyMethodDescr.define(TYPE, "__length_hint__", (Fn.F0) self -> {
            PySetIterator it = (PySetIterator) self;
            return PyInt.of(it.set != null && it.usedAtStart == it.set.used ? it.remaining : 0);
        });
    }

    private PyAnySet set;
    private int usedAtStart;
    private int pos;
    private int remaining;
    /** Scratch for {@link PyAnySet#nextEntryRef}. */
    private final PyObject[] entry = new PyObject[1];

    public PySetIterator(PyAnySet s) {
        this.set = RefCount.newRef(s);
        this.usedAtStart = s.used;
        this.remaining = s.used;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The next element (new reference) or null when exhausted. */
    public PyObject next() {
        PyAnySet s = set;
        if (s == null) return null;
        if (usedAtStart != s.used) {
            usedAtStart = -1;
            throw Errors.runtimeError("Set changed size during iteration");
        }
        PyObject[] out = entry;
        int i = s.nextEntryRef(pos, out); // one consistent step, even with the GIL off
        if (i < 0) {
            set = null;
            RefCount.decref(s);
            return null;
        }
        pos = i + 1;
        remaining--;
        PyObject k = out[0];
        out[0] = null;
        return k;
    }

    @Override
    public void traverse(Visitor v) {
        if (set != null) v.visit(set);
    }

    @Override
    public void releaseReferences() {
        PyAnySet s = set;
        set = null;
        RefCount.xdecref(s);
    }
}
