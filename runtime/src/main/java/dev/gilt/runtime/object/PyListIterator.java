package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/**
 * {@code list_iterator}: walks a list by index, re-reading its size on each step (a list may grow
 * or shrink while iterated, as in CPython); drops the list when exhausted. {@link Reverse} is
 * {@code list_reverseiterator}.
 */
public final class PyListIterator extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("list_iterator", PyListIterator.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.iter = RefCount::newRef;
        TYPE.next = o -> ((PyListIterator) o).next();
        PyMethodDescr.define(TYPE, "__length_hint__", (Fn.F0) self -> {
            PyListIterator it = (PyListIterator) self;
            return PyInt.of(it.seq == null ? 0 : Math.max(0, it.seq.size - it.index));
        });
    }

    private PyList seq;
    private int index;

    /** Iterates {@code l} (borrowed; the iterator keeps a reference until exhausted). */
    public PyListIterator(PyList l) {
        this.seq = RefCount.newRef(l);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The next item (new reference) or null when exhausted. */
    public PyObject next() {
        PyList l = seq;
        if (l == null) return null;
        PyObject v = l.itemRef(index); // safe while other threads mutate the list
        if (v != null) {
            index++;
            return v;
        }
        seq = null;
        RefCount.decref(l);
        return null;
    }

    @Override
    public void traverse(Visitor v) {
        if (seq != null) v.visit(seq);
    }

    @Override
    public void releaseReferences() {
        PyList l = seq;
        seq = null;
        RefCount.xdecref(l);
    }

    /** {@code list_reverseiterator}: from the last item down; stops if the list shrank below it. */
    public static final class Reverse extends PyGcObject {
        public static final PyType TYPE = PyType.builtin("list_reverseiterator", Reverse.class);

        static {
            TYPE.flags &= ~PyType.BASETYPE;
            TYPE.iter = RefCount::newRef;
            TYPE.next = o -> ((Reverse) o).next();
            PyMethodDescr.define(TYPE, "__length_hint__", (Fn.F0) self -> {
                Reverse it = (Reverse) self;
                return PyInt.of(it.seq == null || it.index >= it.seq.size ? 0 : it.index + 1);
            });
        }

        private PyList seq;
        private int index;

        public Reverse(PyList l) {
            this.seq = RefCount.newRef(l);
            this.index = l.size - 1;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        public PyObject next() {
            PyList l = seq;
            if (l == null) return null;
            PyObject v = index >= 0 ? l.itemRef(index) : null;
            if (v != null) {
                index--;
                return v;
            }
            index = -1;
            seq = null;
            RefCount.decref(l);
            return null;
        }

        @Override
        public void traverse(Visitor v) {
            if (seq != null) v.visit(seq);
        }

        @Override
        public void releaseReferences() {
            PyList l = seq;
            seq = null;
            RefCount.xdecref(l);
        }
    }
}
