package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/** {@code frozenset}: an immutable, hashable {@link PyAnySet}. */
public class PyFrozenSet extends PyAnySet {
    public static final PyType TYPE = PyType.builtin("frozenset", PyFrozenSet.class);

    static {
        SetMethods.installFrozenSet(TYPE);
    }

    public PyFrozenSet() {}

    /** {@code frozenset(iterable)}: a new reference (an exact frozenset argument is returned itself). */
    public static PyFrozenSet fromIterable(PyObject iterable) {
        if (iterable.getClass() == PyFrozenSet.class) return RefCount.newRef((PyFrozenSet) iterable);
        PyFrozenSet s = new PyFrozenSet();
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

    /** CPython's frozenset hash (order-independent, cached). */
    public long hashValue() {
        if (hash != -1) return hash;
        long h = 0;
        for (int i = 0; i <= mask; i++) {
            PyObject k = keys[i];
            if (k != null && k != DUMMY) h ^= shuffleBits(hashes[i]);
        }
        h ^= ((long) used + 1) * 1927868237L;
        h ^= (h >>> 11) ^ (h >>> 25);
        h = h * 69069L + 907133923L;
        if (h == -1) h = 590923713L;
        hash = h;
        return h;
    }

    private static long shuffleBits(long h) {
        return ((h ^ 89869747L) ^ (h << 16)) * 3644798167L;
    }

    /**
     * Instances of user subclasses of frozenset: the user's class, a {@code __dict__} and
     * {@code __slots__} values, kept in an {@link InstanceState}.
     */
    public static final class Sub extends PyFrozenSet implements HasDict {
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
