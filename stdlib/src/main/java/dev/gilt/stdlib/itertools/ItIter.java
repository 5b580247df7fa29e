package dev.gilt.stdlib.itertools;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Attr;

/**
 * Base of the itertools iterators. Each holds its owned references in {@link #refs} slots (so one
 * traverse/release covers them all); {@link #step} produces the next item as a new reference or
 * null when done, after which {@link #finish} drops every reference, as CPython's iterators let
 * go of their input once exhausted.
 */
abstract class ItIter extends PyGcObject {
    /** Owned references (null entries allowed). */
    protected final PyObject[] refs;
    private boolean done;

    ItIter(int nrefs) {
        refs = new PyObject[nrefs];
    }

    /** Stores an owned reference in slot i (increfs v, releases the old value). */
    protected void set(int i, PyObject v) {
        RefCount.xincref(v);
        PyObject old = refs[i];
        refs[i] = v;
        RefCount.xdecref(old);
    }

    /** Stores a new reference the caller hands over. */
    protected void setSteal(int i, PyObject v) {
        PyObject old = refs[i];
        refs[i] = v;
        RefCount.xdecref(old);
    }

    /** The next item (new reference) or null when exhausted. */
    protected abstract PyObject step();

    final PyObject advance() {
        if (done) return null;
        PyObject r = step();
        if (r == null) finish();
        return r;
    }

    protected void finish() {
        done = true;
        releaseReferences();
    }

    /** next() of an underlying iterator held in slot i; null when exhausted or released. */
    protected PyObject nextOf(int i) {
        PyObject it = refs[i];
        return it == null ? null : Ops.next(it);
    }

    @Override
    public void traverse(Visitor v) {
        for (PyObject r : refs) if (r != null) v.visit(r);
    }

    @Override
    public void releaseReferences() {
        for (int i = 0; i < refs.length; i++) {
            PyObject r = refs[i];
            if (r != null) {
                refs[i] = null;
                RefCount.decref(r);
            }
        }
    }

    /** A type for an itertools iterator: iter returns self, next calls advance. */
    static PyType type(String name, Class<?> cls) {
        PyType t = Attr.install(PyType.builtin(name, cls), "itertools");
        t.iter = RefCount::newRef;
        t.next = o -> ((ItIter) o).advance();
        t.init = (self, args, kw) -> { };
        PyMethodDescr.define(t, "__iter__", (Fn.F0) RefCount::newRef);
        PyMethodDescr.define(t, "__next__", (Fn.F0) self -> {
            PyObject r = ((ItIter) self).advance();
            if (r == null) throw Errors.stopIteration();
            return r;
        });
        return t;
    }
}
