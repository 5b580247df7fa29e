package dev.gilt.runtime.object;

import dev.gilt.runtime.Config;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.collections.Indices;
import dev.gilt.runtime.object.collections.ReprGuard;
import dev.gilt.runtime.object.collections.Sequences;
import dev.gilt.runtime.object.collections.SliceIndices;
import dev.gilt.runtime.object.collections.Sorting;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.FreeThreading;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * {@code list}: a growable array of owned references.
 *
 * <h2>Refcounts</h2>
 * The list owns one reference per element. Getters that return a {@code PyObject} return new
 * references except {@link #get} (borrowed, like PyList_GET_ITEM); every removal decrefs, after the
 * list is consistent again (a decref can run {@code __del__}, which may look at the list).
 *
 * <h2>Re-entrancy</h2>
 * Any call out to Python code ({@code ==}, {@code <}, {@code repr}, key functions, iteration of an
 * argument) may mutate this list. Loops that call out re-read {@link #items} and {@link #size}
 * on each step and hold a reference to the element being compared, as CPython does.
 *
 * <h2>Free threading</h2>
 * {@link #items} and {@link #size} are public for the VM's read fast paths only (with the GIL
 * on); every write to them happens inside this class. With the GIL off and more than one thread
 * running ({@link FreeThreading#mustLock()}, folded away with the GIL on):
 * <ul>
 *   <li>every mutation holds the list's monitor and bumps {@link #seq} to odd before and to even
 *       after changing items/size (a seqlock); no Python code and no decref runs under the
 *       monitor, and references the list gives up are released through
 *       {@link FreeThreading#decrefLater} ({@link #release});
 *   <li>single-item reads ({@link #itemRef}, {@link #getItem}, iteration) take no lock: they
 *       accept what they read only if {@link #seq} was even and unchanged around it;
 *       multi-item reads ({@link #toArray}, {@link #slice}) hold the monitor;
 *   <li>index checks are repeated under the monitor, so a racing shrink yields IndexError,
 *       never a Java exception.
 * </ul>
 */
public class PyList extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("list", PyList.class);

    /** Marks a list whose items are out for sorting; any growth replaces it (detects mutation). */
    private static final PyObject[] SORTING = new PyObject[0];
    private static final PyObject[] NO_ITEMS = new PyObject[0];

    static {
        ListMethods.install(TYPE);
    }

    /** Elements [0, size); read-only outside this class. */
    public PyObject[] items;
    /** Number of elements; read-only outside this class. */
    public int size;

    public PyList() {
        items = NO_ITEMS;
    }

    public PyList(int capacity) {
        items = capacity <= 0 ? NO_ITEMS : new PyObject[capacity];
    }

    /** A list that steals the first {@code n} references of {@code items}. */
    public static PyList steal(PyObject[] items, int n) {
        PyList l = new PyList(n);
        System.arraycopy(items, 0, l.items, 0, n);
        l.size = n;
        return l;
    }

    /** {@code list(iterable)}: a new list. */
    public static PyList fromIterable(PyObject iterable) {
        PyList l = new PyList();
        try {
            l.extend(iterable);
        } catch (RuntimeException e) {
            RefCount.decref(l);
            throw e;
        }
        return l;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Borrowed item i (no bounds check beyond Java's). */
    public PyObject get(int i) {
        return items[i];
    }

    public int size() {
        return size;
    }

    /** Item {@code i} with Python's negative indexing, a new reference; IndexError if out of range. */
    public PyObject getItem(long i) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            int n = size;
            if (i < 0) i += n;
            PyObject v = i < 0 || i > Integer.MAX_VALUE ? null : itemRef((int) i);
            if (v == null) throw Errors.indexError("list index out of range");
            return v;
        }
        if (i < 0) i += size;
        if (i < 0 || i >= size) throw Errors.indexError("list index out of range");
        return RefCount.newRef(items[(int) i]);
    }

    /**
     * Item {@code i} (0 &lt;= i) as a new reference, or null when {@code i >= size}; safe while
     * other threads mutate the list (see the class comment).
     */
    public PyObject itemRef(int i) {
        if (Config.GIL_ENABLED || !FreeThreading.shared) return i < size ? RefCount.newRef(items[i]) : null;
        for (int t = 0; t < OPTIMISTIC_TRIES; t++) {
            int s0 = seq;
            if ((s0 & 1) == 0) {
                PyObject[] a = items;
                int n = size;
                PyObject v = i < n && i < a.length ? a[i] : null;
                VarHandle.acquireFence();
                if (seq == s0) {
                    if (i >= n) return null;
                    if (v != null) return RefCount.newRef(v);
                }
            }
            Thread.onSpinWait();
        }
        synchronized (this) {
            return i < size ? RefCount.newRef(items[i]) : null;
        }
    }

    /** A fresh array of new references to the elements. */
    public PyObject[] toArray() {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            synchronized (this) {
                return toArrayUnshared();
            }
        }
        return toArrayUnshared();
    }

    private PyObject[] toArrayUnshared() {
        PyObject[] a = Arrays.copyOf(items, size);
        for (PyObject o : a) RefCount.incref(o);
        return a;
    }

    /** {@code tuple(self)}: a new tuple. */
    public PyTuple toTuple() {
        return size == 0 ? PyTuple.EMPTY : PyTuple.steal(toArray());
    }

    /** {@code self[lo:hi]} (already clamped to 0 &lt;= lo &lt;= hi &lt;= size): a new list. */
    public PyList slice(int lo, int hi) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            synchronized (this) {
                // Clamp again: the list may have shrunk since the caller computed the bounds.
                return sliceUnshared(Math.min(lo, size), Math.min(hi, size));
            }
        }
        return sliceUnshared(lo, hi);
    }

    private PyList sliceUnshared(int lo, int hi) {
        int n = Math.max(0, hi - lo);
        PyList l = new PyList(n);
        for (int i = 0; i < n; i++) l.items[i] = RefCount.newRef(items[lo + i]);
        l.size = n;
        return l;
    }

    // ---- mutation (every write to items/size is below) ------------------------------------

    /** Makes room for {@code n} elements (CPython's over-allocation pattern). */
    private void ensureCapacity(int n) {
        if (n <= items.length) return;
        long want = (long) n + (n >> 3) + 6 & ~3L;
        if (n - size > want - n) want = (long) n + 3 & ~3L;
        if (want > Sequences.MAX_SIZE) {
            if (n > Sequences.MAX_SIZE) throw Sequences.tooBig();
            want = n;
        }
        items = Arrays.copyOf(items, (int) want);
    }

    /** append(x): increfs x. */
    public void append(PyObject x) {
        RefCount.incref(x);
        appendSteal(x);
    }

    /** append taking over the caller's reference to x. */
    public void appendSteal(PyObject x) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            synchronized (this) {
                beginWrite();
                try {
                    appendStealUnshared(x);
                } finally {
                    endWrite();
                }
            }
            return;
        }
        appendStealUnshared(x);
    }

    private void appendStealUnshared(PyObject x) {
        if (size == items.length) {
            try {
                ensureCapacity(size + 1);
            } catch (RuntimeException e) {
                RefCount.decref(x);
                throw e;
            }
        }
        items[size++] = x;
    }

    /** {@code self[i] = v} for 0 &lt;= i &lt; size: increfs v, decrefs the old item. */
    public void setItem(int i, PyObject v) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            RefCount.incref(v);
            PyObject old;
            synchronized (this) {
                if (i >= size) {
                    RefCount.decref(v); // the caller's object: it still holds a reference
                    throw Errors.indexError("list assignment index out of range");
                }
                beginWrite();
                old = items[i];
                items[i] = v;
                endWrite();
            }
            FreeThreading.decrefLater(old);
            return;
        }
        RefCount.incref(v);
        PyObject old = items[i];
        items[i] = v;
        RefCount.decref(old);
    }

    /** list.insert(where, x) with CPython's clamping; increfs x. */
    public void insert(long where, PyObject x) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            synchronized (this) {
                beginWrite();
                try {
                    insertUnshared(where, x);
                } finally {
                    endWrite();
                }
            }
            return;
        }
        insertUnshared(where, x);
    }

    private void insertUnshared(long where, PyObject x) {
        int n = size;
        if (where < 0) {
            where += n;
            if (where < 0) where = 0;
        }
        if (where > n) where = n;
        ensureCapacity(n + 1);
        int w = (int) where;
        System.arraycopy(items, w, items, w + 1, n - w);
        items[w] = RefCount.newRef(x);
        size = n + 1;
    }

    /** list.extend(iterable). */
    public void extend(PyObject iterable) {
        Class<?> c = iterable.getClass();
        if (!Config.GIL_ENABLED && FreeThreading.shared && (c == PyList.class || iterable == this)) {
            // Copy the source under its own monitor, then append under ours (never both held).
            PyObject[] src = ((PyList) iterable).toArray();
            if (src.length == 0) return;
            synchronized (this) {
                beginWrite();
                try {
                    ensureCapacity(size + src.length);
                    System.arraycopy(src, 0, items, size, src.length);
                    size += src.length;
                } catch (RuntimeException e) {
                    Sequences.decrefAll(src, src.length);
                    throw e;
                } finally {
                    endWrite();
                }
            }
            return;
        }
        if (!Config.GIL_ENABLED && FreeThreading.shared && c == PyTuple.class) {
            PyObject[] src = ((PyTuple) iterable).items;
            if (src.length == 0) return;
            for (PyObject o : src) RefCount.incref(o);
            synchronized (this) {
                beginWrite();
                try {
                    ensureCapacity(size + src.length);
                    System.arraycopy(src, 0, items, size, src.length);
                    size += src.length;
                } catch (RuntimeException e) {
                    Sequences.decrefAll(src, src.length);
                    throw e;
                } finally {
                    endWrite();
                }
            }
            return;
        }
        if (c == PyList.class || c == PyTuple.class || iterable == this) {
            PyObject[] src;
            int n;
            if (iterable instanceof PyTuple t) {
                src = t.items;
                n = src.length;
            } else {
                PyList l = (PyList) iterable;
                src = l.items;
                n = l.size;
            }
            if (n == 0) return;
            int m = size;
            ensureCapacity(m + n);
            // src may be this.items (l.extend(l)): copy after the resize, from the old length.
            System.arraycopy(iterable == this ? items : src, 0, items, m, n);
            for (int i = m; i < m + n; i++) RefCount.incref(items[i]);
            size = m + n;
            return;
        }
        PyObject it = Ops.iter(iterable);
        try {
            PyObject x;
            while ((x = Ops.next(it)) != null) appendSteal(x);
        } finally {
            RefCount.decref(it);
        }
    }

    /** list.pop(i): removes and returns item i (the caller gets the list's reference). */
    public PyObject pop(long i) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            PyObject x;
            synchronized (this) {
                int n = size;
                if (n == 0) throw Errors.indexError("pop from empty list");
                if (i < 0) i += n;
                if (i < 0 || i >= n) throw Errors.indexError("pop index out of range");
                beginWrite();
                x = takeAt((int) i, true);
                endWrite();
            }
            // The caller's own reference; the list's is released once readers moved on.
            RefCount.incref(x);
            FreeThreading.decrefLater(x);
            return x;
        }
        int n = size;
        if (n == 0) throw Errors.indexError("pop from empty list");
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw Errors.indexError("pop index out of range");
        return takeAt((int) i, true);
    }

    private PyObject takeAt(int i, boolean shift) {
        PyObject x = items[i];
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        items[--size] = null;
        return x;
    }

    /** Removes the last {@code n} items and returns the list's references to them, in order. */
    public PyObject[] popTail(int n) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            PyObject[] tail;
            synchronized (this) {
                n = Math.min(n, size);
                beginWrite();
                tail = Arrays.copyOfRange(items, size - n, size);
                Arrays.fill(items, size - n, size, null);
                size -= n;
                endWrite();
            }
            for (PyObject o : tail) {
                RefCount.incref(o);
                FreeThreading.decrefLater(o);
            }
            return tail;
        }
        PyObject[] tail = Arrays.copyOfRange(items, size - n, size);
        Arrays.fill(items, size - n, size, null);
        size -= n;
        return tail;
    }

    /** Deletes item i (0 &lt;= i &lt; size), decref'ing it. */
    public void delItem(int i) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            PyObject x;
            synchronized (this) {
                if (i >= size) throw Errors.indexError("list assignment index out of range");
                beginWrite();
                x = takeAt(i, true);
                endWrite();
            }
            FreeThreading.decrefLater(x);
            return;
        }
        RefCount.decref(takeAt(i, true));
    }

    /** list.clear(): the list is empty before any element is released. */
    public void clear() {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            PyObject[] old;
            int n;
            synchronized (this) {
                beginWrite();
                old = items;
                n = size;
                items = NO_ITEMS;
                size = 0;
                endWrite();
            }
            for (int i = 0; i < n; i++) FreeThreading.xdecrefLater(old[i]);
            return;
        }
        PyObject[] old = items;
        int n = size;
        items = NO_ITEMS;
        size = 0;
        for (int i = 0; i < n; i++) RefCount.xdecref(old[i]);
    }

    /** list.reverse() */
    public void reverse() {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            synchronized (this) {
                beginWrite();
                reverseRange(items, size);
                endWrite();
            }
            return;
        }
        for (int a = 0, b = size - 1; a < b; a++, b--) {
            PyObject t = items[a];
            items[a] = items[b];
            items[b] = t;
        }
    }

    /** {@code self *= n} */
    public void inplaceRepeat(long n) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            if (n <= 0) {
                clear();
                return;
            }
            synchronized (this) {
                beginWrite();
                try {
                    inplaceRepeatUnshared(n);
                } finally {
                    endWrite();
                }
            }
            return;
        }
        inplaceRepeatUnshared(n);
    }

    private void inplaceRepeatUnshared(long n) {
        int m = size;
        if (m == 0 || n == 1) return;
        if (n <= 0) {
            clear();
            return;
        }
        if (n > Sequences.MAX_SIZE / m) throw Sequences.tooBig();
        int total = (int) (m * n);
        ensureCapacity(total);
        for (int r = 1; r < n; r++) System.arraycopy(items, 0, items, r * m, m);
        for (int i = 0; i < m; i++) for (int r = 1; r < n; r++) RefCount.incref(items[i]);
        size = total;
    }

    /**
     * {@code self[lo:hi] = src[0..n)} (steals the src references; n = 0 deletes), CPython's
     * list_ass_slice after the source was materialised. lo/hi are clamped here.
     */
    void assignSlice(long lo, long hi, PyObject[] src, int n) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            PyObject[] recycle;
            synchronized (this) {
                beginWrite();
                try {
                    recycle = assignSliceLocked(lo, hi, src, n);
                } finally {
                    endWrite();
                }
            }
            for (PyObject o : recycle) FreeThreading.xdecrefLater(o);
            return;
        }
        int sz = size;
        if (lo < 0) lo = 0;
        else if (lo > sz) lo = sz;
        if (hi < lo) hi = lo;
        else if (hi > sz) hi = sz;
        int ilow = (int) lo, norig = (int) (hi - lo), d = n - norig;
        if (sz + d == 0) {
            clear();
            return;
        }
        if (d > 0 && sz + d > Sequences.MAX_SIZE) {
            Sequences.decrefAll(src, n);
            throw Sequences.tooBig();
        }
        PyObject[] recycle = Arrays.copyOfRange(items, ilow, ilow + norig);
        if (d < 0) {
            System.arraycopy(items, ilow + norig, items, ilow + n, sz - ilow - norig);
            Arrays.fill(items, sz + d, sz, null);
        } else if (d > 0) {
            ensureCapacity(sz + d);
            System.arraycopy(items, ilow + norig, items, ilow + n, sz - ilow - norig);
        }
        System.arraycopy(src, 0, items, ilow, n);
        size = sz + d;
        for (int k = norig - 1; k >= 0; k--) RefCount.xdecref(recycle[k]);
    }

    /** The shared-mode core of {@link #assignSlice}: returns the references given up. */
    private PyObject[] assignSliceLocked(long lo, long hi, PyObject[] src, int n) {
        int sz = size;
        if (lo < 0) lo = 0;
        else if (lo > sz) lo = sz;
        if (hi < lo) hi = lo;
        else if (hi > sz) hi = sz;
        int ilow = (int) lo, norig = (int) (hi - lo), d = n - norig;
        if (d > 0 && sz + d > Sequences.MAX_SIZE) {
            Sequences.decrefAll(src, n);
            throw Sequences.tooBig();
        }
        PyObject[] recycle = Arrays.copyOfRange(items, ilow, ilow + norig);
        if (d < 0) {
            System.arraycopy(items, ilow + norig, items, ilow + n, sz - ilow - norig);
            Arrays.fill(items, sz + d, sz, null);
        } else if (d > 0) {
            ensureCapacity(sz + d);
            System.arraycopy(items, ilow + norig, items, ilow + n, sz - ilow - norig);
        }
        System.arraycopy(src, 0, items, ilow, n);
        size = sz + d;
        return recycle;
    }

    /** {@code self[start::step] = src} for an extended slice of exactly src.length items (steals src). */
    void assignExtended(SliceIndices si, PyObject[] src) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            int n = (int) si.length();
            PyObject[] garbage = new PyObject[n];
            synchronized (this) {
                for (int i = 0; i < n; i++) {
                    if ((int) si.at(i) >= size) {
                        Sequences.decrefAll(src, src.length);
                        throw Errors.valueError("attempt to assign sequence of size %d to extended slice of size %d",
                                src.length, n);
                    }
                }
                beginWrite();
                for (int i = 0; i < n; i++) {
                    int cur = (int) si.at(i);
                    garbage[i] = items[cur];
                    items[cur] = src[i];
                }
                endWrite();
            }
            for (PyObject g : garbage) FreeThreading.xdecrefLater(g);
            return;
        }
        int n = (int) si.length();
        PyObject[] garbage = new PyObject[n];
        for (int i = 0; i < n; i++) {
            int cur = (int) si.at(i);
            garbage[i] = items[cur];
            items[cur] = src[i];
        }
        for (PyObject g : garbage) RefCount.xdecref(g);
    }

    /** {@code del self[start::step]} */
    void deleteExtended(SliceIndices si) {
        int n = (int) si.length();
        if (n == 0) return;
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            PyObject[] garbage = new PyObject[n];
            synchronized (this) {
                int sz = size;
                boolean[] doomed = new boolean[sz];
                for (int i = 0; i < n; i++) {
                    int at = (int) si.at(i);
                    if (at < sz) doomed[at] = true;
                }
                beginWrite();
                int g = 0, w = 0;
                for (int r = 0; r < sz; r++) {
                    if (doomed[r]) garbage[g++] = items[r];
                    else items[w++] = items[r];
                }
                Arrays.fill(items, w, sz, null);
                size = w;
                endWrite();
            }
            for (PyObject o : garbage) FreeThreading.xdecrefLater(o);
            return;
        }
        boolean[] doomed = new boolean[size];
        for (int i = 0; i < n; i++) doomed[(int) si.at(i)] = true;
        PyObject[] garbage = new PyObject[n];
        int g = 0, w = 0, sz = size;
        for (int r = 0; r < sz; r++) {
            if (doomed[r]) garbage[g++] = items[r];
            else items[w++] = items[r];
        }
        Arrays.fill(items, w, sz, null);
        size = w;
        for (PyObject o : garbage) RefCount.xdecref(o);
    }

    /**
     * list.sort(key=key, reverse=reverse): stable; key (null or None for none) is called once per
     * element; only {@code <} is used. The list is empty while sorting: if the key or a comparison
     * mutates it, ValueError "list modified during sort" is raised (after the sort) and whatever
     * was put in the list meanwhile is dropped.
     */
    public void sort(PyObject key, boolean reverse) {
        if (key == PyNone.NONE) key = null;
        boolean shared = !Config.GIL_ENABLED && FreeThreading.shared;
        PyObject[] saved;
        int n;
        if (shared && key == null) {
            // Exact ints, floats or strs compare in Java: sort in place under the monitor, so
            // the sort is atomic as CPython's is (other threads wait, never see a half sort).
            synchronized (this) {
                Sorting.LessThan lt = Sorting.chooseLessThan(items, size);
                if (lt != Sorting.PYTHON_LT) {
                    beginWrite();
                    try {
                        if (reverse) reverseRange(items, size);
                        Sorting.sort(items, null, size, lt);
                        if (reverse) reverseRange(items, size);
                    } finally {
                        endWrite();
                    }
                    return;
                }
            }
        }
        if (shared) {
            // Take the items out under the monitor; sort outside it (comparisons run Python).
            synchronized (this) {
                beginWrite();
                saved = items;
                n = size;
                items = SORTING;
                size = 0;
                endWrite();
            }
        } else {
            saved = items;
            n = size;
            items = SORTING;
            size = 0;
        }
        PyObject[] keys = null;
        RuntimeException failure = null;
        boolean reversed = false;
        try {
            if (key != null) {
                keys = new PyObject[n];
                for (int i = 0; i < n; i++) {
                    try {
                        keys[i] = Ops.call(key, saved[i]);
                    } catch (RuntimeException e) {
                        Sequences.decrefAll(keys, i);
                        keys = null;
                        throw e;
                    }
                }
            }
            PyObject[] k = keys != null ? keys : saved;
            if (reverse && n > 1) {
                reverseRange(k, n);
                if (keys != null) reverseRange(saved, n);
                reversed = true;
            }
            Sorting.sort(k, keys != null ? saved : null, n, Sorting.chooseLessThan(k, n));
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            if (keys != null) Sequences.decrefAll(keys, n);
            if (reversed) {
                reverseRange(saved, n);
            }
            PyObject[] meanwhile;
            int mn;
            if (shared) {
                synchronized (this) {
                    beginWrite();
                    meanwhile = items;
                    mn = size;
                    items = saved;
                    size = n;
                    endWrite();
                }
            } else {
                meanwhile = items;
                mn = size;
                items = saved;
                size = n;
            }
            if (meanwhile != SORTING) {
                for (int i = 0; i < mn; i++) {
                    if (shared) FreeThreading.xdecrefLater(meanwhile[i]);
                    else RefCount.xdecref(meanwhile[i]);
                }
                if (failure == null) failure = Errors.valueError("list modified during sort");
            }
        }
        if (failure != null) throw failure;
    }

    private static void reverseRange(PyObject[] a, int n) {
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            PyObject t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    // ---- searching --------------------------------------------------------------------------

    /** {@code x in self}: identity, then ==, holding a reference to each item compared. */
    public boolean contains(PyObject x) {
        for (int i = 0; i < size; i++) {
            if (matchAt(i, x)) return true;
        }
        return false;
    }

    /** Item i is x or == x; the list may change during the comparison. */
    private boolean matchAt(int i, PyObject x) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            PyObject o = itemRef(i);
            if (o == null) return false;
            try {
                return o == x || Ops.eqBool(o, x);
            } finally {
                RefCount.decref(o);
            }
        }
        PyObject o = items[i];
        if (o == x) return true;
        RefCount.incref(o);
        try {
            return Ops.eqBool(o, x);
        } finally {
            RefCount.decref(o);
        }
    }

    public long count(PyObject x) {
        long c = 0;
        for (int i = 0; i < size; i++) if (matchAt(i, x)) c++;
        return c;
    }

    /** list.index(x, start, stop): position of the first match, or ValueError "X is not in list". */
    public long index(PyObject x, long start, long stop) {
        if (start < 0) start = Math.max(0, start + size);
        if (stop < 0) stop = Math.max(0, stop + size);
        for (long i = start; i < stop && i < size; i++) {
            if (matchAt((int) i, x)) return i;
        }
        throw Errors.valueError("%s is not in list", Ops.reprString(x));
    }

    /** list.remove(x) */
    public void remove(PyObject x) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            removeShared(x);
            return;
        }
        for (int i = 0; i < size; i++) {
            if (matchAt(i, x)) {
                if (i < size) delItem(i);
                return;
            }
        }
        throw Errors.valueError("list.remove(x): x not in list");
    }

    /** remove(x) with other threads mutating: deletes the matched object only if it is still there. */
    private void removeShared(PyObject x) {
        restart:
        for (;;) {
            for (int i = 0; ; i++) {
                PyObject o = itemRef(i);
                if (o == null) break;
                boolean eq;
                try {
                    eq = o == x || Ops.eqBool(o, x);
                } catch (RuntimeException e) {
                    RefCount.decref(o);
                    throw e;
                }
                if (eq) {
                    boolean gone = false;
                    synchronized (this) {
                        if (i < size && items[i] == o) {
                            beginWrite();
                            takeAt(i, true);
                            endWrite();
                            gone = true;
                        }
                    }
                    if (gone) {
                        FreeThreading.decrefLater(o); // the list's reference
                        RefCount.decref(o);
                        return;
                    }
                    RefCount.decref(o);
                    continue restart; // moved meanwhile: search again
                }
                RefCount.decref(o);
            }
            throw Errors.valueError("list.remove(x): x not in list");
        }
    }

    /** Lexicographic comparison with another list (the caller checked both are lists). */
    PyObject compareWith(PyList w, int op) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            // Snapshots: the lists may change while elements compare (tuples compare the same way).
            PyTuple ta = PyTuple.steal(toArray()), tb = PyTuple.steal(w.toArray());
            try {
                return Ops.richCompare(ta, tb, op);
            } finally {
                RefCount.decref(ta);
                RefCount.decref(tb);
            }
        }
        if (size != w.size && (op == Ops.EQ || op == Ops.NE)) return PyBool.of(op == Ops.NE);
        int i = 0;
        for (; i < size && i < w.size; i++) {
            PyObject vi = items[i], wi = w.items[i];
            if (vi == wi) continue;
            RefCount.incref(vi);
            RefCount.incref(wi);
            try {
                if (!Ops.eqBool(vi, wi)) break;
            } finally {
                RefCount.decref(vi);
                RefCount.decref(wi);
            }
        }
        if (i >= size || i >= w.size) return PyBool.of(PyTuple.compareLengths(size, w.size, op));
        if (op == Ops.EQ) return PyBool.FALSE;
        if (op == Ops.NE) return PyBool.TRUE;
        PyObject vi = RefCount.newRef(items[i]), wi = RefCount.newRef(w.items[i]);
        try {
            return Ops.richCompare(vi, wi, op);
        } finally {
            RefCount.decref(vi);
            RefCount.decref(wi);
        }
    }

    /** repr(self) with the recursion guard ({@code [...]}). */
    public String reprString() {
        if (size == 0) return "[]";
        if (!ReprGuard.enter(this)) return "[...]";
        try {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < size; i++) {
                if (i > 0) sb.append(", ");
                PyObject o = itemRef(i);
                if (o == null) break; // shrunk by another thread
                try {
                    sb.append(Ops.reprString(o));
                } finally {
                    RefCount.decref(o);
                }
            }
            return sb.append(']').toString();
        } finally {
            ReprGuard.exit(this);
        }
    }

    // ---- free threading (see the class comment) ------------------------------------------------

    /** Seqlock word: odd while a writer (holding the monitor) changes items/size. */
    private volatile int seq;
    private static final int OPTIMISTIC_TRIES = 64;

    private void beginWrite() {
        seq = seq + 1;
        VarHandle.storeStoreFence();
    }

    private void endWrite() {
        seq = seq + 1;
    }

    // ---- GC ---------------------------------------------------------------------------------

    @Override
    public void traverse(Visitor v) {
        PyObject[] a = items;
        int n = Math.min(size, a.length);
        for (int i = 0; i < n; i++) if (a[i] != null) v.visit(a[i]);
    }

    @Override
    public void releaseReferences() {
        clear();
    }

    /**
     * Instances of user subclasses of list: the user's class, a {@code __dict__} and
     * {@code __slots__} values, kept in an {@link InstanceState}.
     */
    public static final class Sub extends PyList implements HasDict {
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

    static PyException notIterableAssign(String msg, PyException e) {
        if (e.matches(PyExc.TypeError)) {
            RefCount.decref(e.exc);
            return Errors.typeError(msg);
        }
        return e;
    }

    /**
     * The elements of a slice assignment's right-hand side as a fresh array of new references
     * (PySequence_Fast): a TypeError from iter() becomes {@code msg}.
     */
    static PyObject[] assignSource(PyList self, PyObject value, String msg) {
        if (value == self) return self.toArray();
        if (value.getClass() == PyList.class || value.getClass() == PyTuple.class) return Sequences.toArray(value);
        PyObject it;
        try {
            it = Ops.iter(value);
        } catch (PyException e) {
            throw notIterableAssign(msg, e);
        }
        return Sequences.drain(it);
    }

    static long indexOf(PyObject key) {
        return Indices.asSubscript(key);
    }
}
