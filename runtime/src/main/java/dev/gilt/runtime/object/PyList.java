package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;
import java.util.Arrays;

/** {@code list}: a growable array of owned references. */
public class PyList extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("list", PyList.class);

    public PyObject[] items;
    public int size;

    public PyList() {
        items = new PyObject[4];
    }

    public PyList(int capacity) {
        items = new PyObject[Math.max(capacity, 4)];
    }

    /** A list that steals the first {@code n} references of {@code items}. */
    public static PyList steal(PyObject[] items, int n) {
        PyList l = new PyList(n);
        System.arraycopy(items, 0, l.items, 0, n);
        l.size = n;
        return l;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** append(x): increfs x. */
    public void append(PyObject x) {
        RefCount.incref(x);
        appendSteal(x);
    }

    /** append taking over the caller's reference to x. */
    public void appendSteal(PyObject x) {
        if (size == items.length) items = Arrays.copyOf(items, size + (size >> 1) + 4);
        items[size++] = x;
    }

    /** Borrowed item i (no bounds check beyond Java's). */
    public PyObject get(int i) {
        return items[i];
    }

    public int size() {
        return size;
    }

    @Override
    public void traverse(Visitor v) {
        for (int i = 0; i < size; i++) v.visit(items[i]);
    }

    @Override
    public void releaseReferences() {
        PyObject[] old = items;
        int n = size;
        items = new PyObject[0];
        size = 0;
        for (int i = 0; i < n; i++) RefCount.decref(old[i]);
    }
}
