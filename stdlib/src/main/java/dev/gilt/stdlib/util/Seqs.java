package dev.gilt.stdlib.util;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/** Sequence algorithms shared by tuple-like stdlib types: comparison, hashing, iteration. */
public final class Seqs {
    private Seqs() {}

    /** Lexicographic rich comparison of two item arrays (CPython's tuple richcompare). */
    public static PyObject compare(PyObject[] a, int na, PyObject[] b, int nb, int op) {
        int i = 0;
        for (; i < na && i < nb; i++) {
            if (!Ops.compareBool(a[i], b[i], Ops.EQ)) break;
        }
        if (i >= na || i >= nb) {
            boolean r = switch (op) {
                case Ops.LT -> na < nb;
                case Ops.LE -> na <= nb;
                case Ops.EQ -> na == nb;
                case Ops.NE -> na != nb;
                case Ops.GT -> na > nb;
                default -> na >= nb;
            };
            return PyBool.of(r);
        }
        if (op == Ops.EQ) return PyBool.FALSE;
        if (op == Ops.NE) return PyBool.TRUE;
        return Ops.richCompare(a[i], b[i], op);
    }

    private static final long P1 = 0x9E3779B185EBCA87L, P2 = 0xC2B2AE3D27D4EB4FL, P5 = 0x27D4EB2F165667C5L;

    /** The tuple hash of CPython 3.8+ (an xxHash-style lane mix) over {@code items}. */
    public static long hash(PyObject[] items, int n) {
        long acc = P5;
        for (int i = 0; i < n; i++) {
            long lane = Ops.hash(items[i]);
            acc += lane * P2;
            acc = Long.rotateLeft(acc, 31);
            acc *= P1;
        }
        acc += n ^ (P5 ^ 3527539L);
        if (acc == -1) return 1546275796L;
        return acc;
    }

    /** A plain iterator over a fixed array of references (holds its owner alive). */
    public static final class ArrayIter extends PyGcObject {
        public static final PyType TYPE = PyType.builtin("tuple_iterator", ArrayIter.class);

        static {
            TYPE.iter = RefCount::newRef;
            TYPE.next = o -> ((ArrayIter) o).advance();
        }

        private PyObject owner;
        private final PyObject[] items;
        private final int n;
        private int i;

        public ArrayIter(PyObject owner, PyObject[] items, int n) {
            this.owner = RefCount.newRef(owner);
            this.items = items;
            this.n = n;
        }

        private PyObject advance() {
            if (owner == null || i >= n) return null;
            return RefCount.newRef(items[i++]);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public void traverse(Visitor v) {
            if (owner != null) v.visit(owner);
        }

        @Override
        public void releaseReferences() {
            PyObject o = owner;
            owner = null;
            RefCount.xdecref(o);
        }
    }
}
