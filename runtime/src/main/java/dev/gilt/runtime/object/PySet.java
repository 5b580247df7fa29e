package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/**
 * {@code set}: a mutable {@link PyAnySet}. The VM builds sets with {@link #add} (BUILD_SET,
 * SET_ADD) and {@link #update} (SET_UPDATE).
 */
public class PySet extends PyAnySet {
    public static final PyType TYPE = PyType.builtin("set", PySet.class);

    static {
        SetMethods.installSet(TYPE);
    }

    public PySet() {}

    /** {@code set(iterable)}: a new set. */
    public static PySet fromIterable(PyObject iterable) {
        PySet s = new PySet();
        try {
            s.updateInternal(iterable);
        } catch (RuntimeException e) {
            RefCount.decref(s);
            throw e;
        }
        return s;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** set.add(x): increfs x if it is stored. */
    public void add(PyObject x) {
        addKey(x);
    }

    /** set.update(iterable) */
    public void update(PyObject iterable) {
        updateInternal(iterable);
    }

    /** set.discard(x) with the frozenset retry for set keys; true if x was removed. */
    public boolean discard(PyObject x) {
        try {
            return discardKey(x);
        } catch (dev.gilt.runtime.error.PyException e) {
            PyFrozenSet tmp = asFrozenKey(x, e);
            try {
                return discardKey(tmp);
            } finally {
                RefCount.decref(tmp);
            }
        }
    }

    /** set.pop(): removes and returns an element (the caller gets the set's reference). */
    public PyObject pop() {
        if (shared()) return popShared();
        if (used == 0) throw dev.gilt.runtime.error.Errors.keyError(PyStr.of("pop from an empty set"));
        int i = finger & mask;
        while (keys[i] == null || keys[i] == DUMMY) {
            i++;
            if (i > mask) i = 0;
        }
        PyObject k = keys[i];
        keys[i] = DUMMY;
        hashes[i] = -1;
        used--;
        finger = i + 1;
        return k;
    }

    /**
     * Instances of user subclasses of set: the user's class, a {@code __dict__} and
     * {@code __slots__} values, kept in an {@link InstanceState}.
     */
    public static final class Sub extends PySet implements HasDict {
        public final InstanceState st;

        public Sub(PyType type) {
            super();
            this.st = new InstanceState(type);
        }

        @Override
        public PyType type() {
            return st.type;
        }

        @Override
        public PyDict getDict(boolean create) {
            return st.getDict(create);
        }

        @Override
        public void setDict(PyDict d) {
            st.setDict(d);
        }

        @Override
        public PyObject[] slotValues() {
            return st.slots;
        }

        @Override
        public void traverse(Visitor v) {
            super.traverse(v);
            st.traverse(v);
        }

        @Override
        public void releaseReferences() {
            super.releaseReferences();
            st.release();
        }
    }
}
