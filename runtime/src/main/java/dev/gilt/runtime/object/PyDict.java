package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.ops.Ops;
import java.util.Arrays;

/**
 * {@code dict}: insertion-ordered hash table with Python's hash and equality (CPython's compact
 * layout: a sparse index table over dense entry arrays). Its type is {@link PyType#DICT} (see
 * there for why PyDict has no TYPE constant of its own).
 *
 * <p>Refcounts: the dict owns one reference to each key and value it holds. {@link #getItem}
 * returns a borrowed reference (as CPython's PyDict_GetItem); {@link #setItem} increfs.
 *
 * <p>Mutation while iterating by index ({@link #entryAt}) is detected by callers through
 * {@link #version()} (CPython's "dictionary changed size during iteration").
 */
public class PyDict extends PyGcObject {
    private static final int EMPTY = -1, DUMMY = -2;

    private int[] index;
    private long[] hashes;
    private PyObject[] keys;
    private PyObject[] values;
    /** Entries used (including deleted holes). */
    private int used;
    /** Live entries. */
    private int size;
    private int version;

    public PyDict() {
        init(8);
    }

    private void init(int cap) {
        index = new int[cap];
        Arrays.fill(index, EMPTY);
        int n = cap * 2 / 3 + 1;
        hashes = new long[n];
        keys = new PyObject[n];
        values = new PyObject[n];
        used = 0;
        size = 0;
    }

    @Override
    public PyType type() {
        return PyType.DICT;
    }

    public int size() {
        return size;
    }

    /** Changes on every insertion of a new key, deletion and clear. */
    public int version() {
        return version;
    }

    /** Number of entry slots (live or deleted) for index-based iteration. */
    public int entrySlots() {
        return used;
    }

    /** Key at entry slot i, or null if that entry was deleted (borrowed). */
    public PyObject keyAt(int i) {
        return keys[i];
    }

    /** Value at entry slot i, or null if deleted (borrowed). */
    public PyObject valueAt(int i) {
        return values[i];
    }

    private static long hashOf(PyObject key) {
        if (key instanceof PyStr s) return s.pyHash();
        return Ops.hash(key);
    }

    private static boolean same(PyObject a, PyObject b) {
        if (a == b) return true;
        if (a instanceof PyStr sa && b instanceof PyStr sb) return sa.value.equals(sb.value);
        return Ops.eqBool(a, b);
    }

    /** Entry position of key, or -1. */
    private int find(PyObject key, long h) {
        int mask = index.length - 1;
        long perturb = h;
        int i = (int) (h & mask);
        while (true) {
            int ix = index[i];
            if (ix == EMPTY) return -1;
            if (ix >= 0) {
                PyObject k = keys[ix];
                if (k == key) return ix;
                if (hashes[ix] == h) {
                    int v = version;
                    PyObject[] ks = keys;
                    boolean eq = same(k, key);
                    if (ks != keys || v != version) return find(key, h); // mutated by __eq__
                    if (eq) return ix;
                }
            }
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
    }

    /** Fast lookup for a str key (attribute names); borrowed or null. */
    public PyObject getItemStr(PyStr key) {
        long h = key.pyHash();
        int mask = index.length - 1;
        long perturb = h;
        int i = (int) (h & mask);
        while (true) {
            int ix = index[i];
            if (ix == EMPTY) return null;
            if (ix >= 0) {
                PyObject k = keys[ix];
                if (k == key) return values[ix];
                if (hashes[ix] == h && k instanceof PyStr ks && ks.value.equals(key.value)) return values[ix];
                if (hashes[ix] == h && !(k instanceof PyStr)) return getItem(key);
            }
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
    }

    /** The value for key (borrowed), or null. Raises TypeError for unhashable keys. */
    public PyObject getItem(PyObject key) {
        long h = hashOf(key);
        int ix = find(key, h);
        return ix < 0 ? null : values[ix];
    }

    public boolean containsKey(PyObject key) {
        return getItem(key) != null;
    }

    /** d[key] = value; increfs key (when new) and value. */
    public void setItem(PyObject key, PyObject value) {
        long h = hashOf(key);
        int ix = find(key, h);
        RefCount.incref(value);
        if (ix >= 0) {
            PyObject old = values[ix];
            values[ix] = value;
            RefCount.decref(old);
            return;
        }
        RefCount.incref(key);
        insertNew(key, h, value);
    }

    private void insertNew(PyObject key, long h, PyObject value) {
        if (used == keys.length) resize(Math.max(8, Integer.highestOneBit(Math.max(size, 5) * 3) * 2));
        int mask = index.length - 1;
        long perturb = h;
        int i = (int) (h & mask);
        while (index[i] >= 0) {
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
        index[i] = used;
        hashes[used] = h;
        keys[used] = key;
        values[used] = value;
        used++;
        size++;
        version++;
    }

    private void resize(int cap) {
        long[] oh = hashes;
        PyObject[] ok = keys, ov = values;
        int oused = used;
        while (cap * 2 / 3 + 1 < size + 1) cap *= 2;
        init(cap);
        for (int j = 0; j < oused; j++) {
            if (ok[j] == null) continue;
            int mask = index.length - 1;
            long h = oh[j];
            long perturb = h;
            int i = (int) (h & mask);
            while (index[i] >= 0) {
                perturb >>>= 5;
                i = (int) ((i * 5L + perturb + 1) & mask);
            }
            index[i] = used;
            hashes[used] = h;
            keys[used] = ok[j];
            values[used] = ov[j];
            used++;
            size++;
        }
    }

    /** Removes key; returns the removed value as a new reference (the caller owns it), or null. */
    public PyObject pop(PyObject key) {
        long h = hashOf(key);
        int ix = find(key, h);
        if (ix < 0) return null;
        int mask = index.length - 1;
        long perturb = h;
        int i = (int) (h & mask);
        while (index[i] != ix) {
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
        index[i] = DUMMY;
        PyObject k = keys[ix], v = values[ix];
        keys[ix] = null;
        values[ix] = null;
        size--;
        version++;
        RefCount.decref(k);
        return v;
    }

    /** del d[key]; false if absent. */
    public boolean delItem(PyObject key) {
        PyObject v = pop(key);
        if (v == null) return false;
        RefCount.decref(v);
        return true;
    }

    public void clear() {
        PyObject[] ok = keys, ov = values;
        int n = used;
        init(8);
        version++;
        for (int j = 0; j < n; j++) {
            if (ok[j] != null) {
                RefCount.decref(ok[j]);
                RefCount.decref(ov[j]);
            }
        }
    }

    @Override
    public void traverse(Visitor v) {
        for (int j = 0; j < used; j++) {
            if (keys[j] != null) {
                v.visit(keys[j]);
                v.visit(values[j]);
            }
        }
    }

    @Override
    public void releaseReferences() {
        clear();
    }
}
