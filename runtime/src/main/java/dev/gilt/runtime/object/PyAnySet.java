package dev.gilt.runtime.object;

import dev.gilt.runtime.Config;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.FreeThreading;

/**
 * The hash table shared by {@code set} ({@link PySet}) and {@code frozenset} ({@link PyFrozenSet})
 * (CPython's PySetObject), and the algorithms on it.
 *
 * <h2>Layout, and why it is CPython's</h2>
 * An open-addressing table of (key, hash) entries, size a power of two (8 at least). A lookup
 * checks the home slot and, when they fit before the end of the table, the 9 slots after it
 * (LINEAR_PROBES), then jumps by CPython's perturbation recurrence. Inserting, resizing (to the
 * smallest power of two above 4x the live count when 3/5 full), merging and deleting (dummy
 * entries) follow CPython's setobject.c step by step, so a set of ints, None and bools iterates
 * (and prints) in the same order as in CPython, which program outputs depend on.
 *
 * <h2>Refcounts</h2>
 * The set owns one reference per live key. Removals decref after the table is consistent.
 * Comparisons hold a reference to the compared key and restart the probe if the table changed
 * meanwhile.
 *
 * <h2>Free threading</h2>
 * All reads and writes of the table are in this class and {@link SetMethods}. With the GIL off
 * and more than one thread running ({@link #shared()}, folded away with the GIL on), every
 * operation on the table holds the set's monitor for its pure-Java part: lookups compare keys
 * needing {@code __eq__} outside the monitor and restart the probe with the remembered result
 * (as {@link PyDict} does), iteration takes one element per monitor hold, bulk operations work
 * on snapshots, and removed references are released through {@link FreeThreading#decrefLater}.
 * No Python code and no decref runs under the monitor. Sets are read less often than dicts by
 * the interpreter itself, so reads lock too rather than using a seqlock.
 */
public abstract class PyAnySet extends PyGcObject {
    static final int MINSIZE = 8;
    static final int LINEAR_PROBES = 9;

    /** Marks a deleted entry (its hash is -1). Never visible to Python code. */
    static final PyObject DUMMY = RefCount.immortalize(new PyObject() {
        @Override
        public PyType type() {
            return PyType.OBJECT;
        }
    });

    PyObject[] keys = new PyObject[MINSIZE];
    long[] hashes = new long[MINSIZE];
    int mask = MINSIZE - 1;
    /** Active plus dummy entries. */
    int fill;
    /** Active entries. */
    int used;
    /** Where pop() starts looking. */
    int finger;
    /** frozenset's cached hash; -1 when not computed. */
    long hash = -1;

    /** Number of elements. */
    public int size() {
        return used;
    }

    /** Visits every element with its hash, in table order (borrowed). */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(PyObject key, long hash);
    }

    /** Calls {@code v} for each element in iteration order; the set must not change meanwhile. */
    public void forEachEntry(EntryVisitor v) {
        if (shared()) {
            // Visit a snapshot: the visitor may run Python code (never under the monitor).
            PyObject[] ks;
            long[] hs;
            synchronized (this) {
                ks = keys.clone();
                hs = hashes.clone();
                for (PyObject k : ks) if (k != null && k != DUMMY) RefCount.incref(k);
            }
            try {
                for (int i = 0; i < ks.length; i++) {
                    PyObject k = ks[i];
                    if (k != null && k != DUMMY) v.visit(k, hs[i]);
                }
            } finally {
                for (PyObject k : ks) if (k != null && k != DUMMY) RefCount.decref(k);
            }
            return;
        }
        for (int i = 0; i <= mask && i < keys.length; i++) {
            PyObject k = keys[i];
            if (k != null && k != DUMMY) v.visit(k, hashes[i]);
        }
    }

    /** The elements in iteration order as a new list. */
    public PyList toList() {
        PyList l = new PyList(used);
        forEachEntry((k, h) -> l.append(k));
        return l;
    }

    /** A new empty set of this object's base kind: set for sets and their subclasses, else frozenset. */
    PyAnySet newEmptyLike() {
        return this instanceof PySet ? new PySet() : new PyFrozenSet();
    }

    // ---- hashing --------------------------------------------------------------------------

    static long hashOf(PyObject key) {
        if (key.getClass() == PyStr.class) return ((PyStr) key).pyHash();
        return Ops.hash(key);
    }

    // ---- probing ----------------------------------------------------------------------------

    /** Slot of the active entry for key, or -1 (set_lookkey). */
    int lookKey(PyObject key, long h) {
        if (shared()) return lookKeyShared(key, h);
        restart:
        while (true) {
            PyObject[] table = keys;
            long[] hs = hashes;
            int m = mask;
            long perturb = h;
            int i = (int) (h & m);
            while (true) {
                int probes = i + LINEAR_PROBES <= m ? LINEAR_PROBES : 0;
                for (int j = i; j <= i + probes; j++) {
                    PyObject k = table[j];
                    if (k == null) return -1;
                    if (hs[j] == h) {
                        int fast = k == key ? 1 : PyDict.fastEquals(k, key);
                        if (fast == 1) return j;
                        if (fast == 0) continue;
                        RefCount.incref(k);
                        boolean eq;
                        try {
                            eq = Ops.eqBool(k, key);
                        } finally {
                            RefCount.decref(k);
                        }
                        if (table != keys || table[j] != k) continue restart;
                        if (eq) return j;
                    }
                }
                perturb >>>= 5;
                i = (int) ((i * 5L + 1 + perturb) & m);
            }
        }
    }

    /** Adds key with hash h unless present (set_add_entry); increfs key when it is stored. */
    void addEntry(PyObject key, long h) {
        if (shared()) {
            addShared(key, h);
            return;
        }
        RefCount.incref(key);
        try {
            addEntrySteal(key, h);
        } catch (RuntimeException e) {
            RefCount.decref(key);
            throw e;
        }
    }

    /** Returns true if key was stored (the set took the reference), false if already present. */
    private void addEntrySteal(PyObject key, long h) {
        restart:
        while (true) {
            PyObject[] table = keys;
            long[] hs = hashes;
            int m = mask;
            long perturb = h;
            int i = (int) (h & m);
            int freeslot = -1;
            while (true) {
                int probes = i + LINEAR_PROBES <= m ? LINEAR_PROBES : 0;
                for (int j = i; j <= i + probes; j++) {
                    PyObject k = table[j];
                    if (k == null) {
                        if (freeslot >= 0) {
                            used++;
                            table[freeslot] = key;
                            hs[freeslot] = h;
                            return;
                        }
                        fill++;
                        used++;
                        table[j] = key;
                        hs[j] = h;
                        if ((long) fill * 5 < (long) m * 3) return;
                        resize(used > 50000 ? (long) used * 2 : (long) used * 4);
                        return;
                    }
                    long eh = hs[j];
                    if (eh == h) {
                        int fast = k == key ? 1 : PyDict.fastEquals(k, key);
                        if (fast == 1) {
                            RefCount.decref(key);
                            return;
                        }
                        if (fast == 0) continue;
                        RefCount.incref(k);
                        boolean eq;
                        try {
                            eq = Ops.eqBool(k, key);
                        } finally {
                            RefCount.decref(k);
                        }
                        if (eq) {
                            RefCount.decref(key);
                            return;
                        }
                        if (table != keys || table[j] != k) continue restart;
                        m = mask;
                    } else if (eh == -1) {
                        freeslot = j;
                    }
                }
                perturb >>>= 5;
                i = (int) ((i * 5L + 1 + perturb) & m);
            }
        }
    }

    /** Stores key in a table known not to contain it and to have a free slot (set_insert_clean). */
    private static void insertClean(PyObject[] table, long[] hs, int m, PyObject key, long h) {
        long perturb = h;
        int i = (int) (h & m);
        while (true) {
            if (table[i] == null) {
                table[i] = key;
                hs[i] = h;
                return;
            }
            if (i + LINEAR_PROBES <= m) {
                for (int j = i + 1; j <= i + LINEAR_PROBES; j++) {
                    if (table[j] == null) {
                        table[j] = key;
                        hs[j] = h;
                        return;
                    }
                }
            }
            perturb >>>= 5;
            i = (int) ((i * 5L + 1 + perturb) & m);
        }
    }

    /** Rebuilds the table with the smallest size above {@code minused}, dropping dummies. */
    void resize(long minused) {
        if (shared() && !Thread.holdsLock(this)) {
            synchronized (this) {
                resizeUnshared(minused);
            }
            return;
        }
        resizeUnshared(minused);
    }

    private void resizeUnshared(long minused) {
        int newsize = MINSIZE;
        while (newsize <= minused) {
            if (newsize >= 1 << 30) throw Errors.of(PyExc.MemoryError);
            newsize <<= 1;
        }
        if (newsize == MINSIZE && mask == MINSIZE - 1 && fill == used) return;
        PyObject[] oldKeys = keys;
        long[] oldHashes = hashes;
        int oldMask = mask;
        PyObject[] table = new PyObject[newsize];
        long[] hs = new long[newsize];
        int m = newsize - 1;
        fill = used;
        for (int j = 0; j <= oldMask; j++) {
            PyObject k = oldKeys[j];
            if (k != null && k != DUMMY) insertClean(table, hs, m, k, oldHashes[j]);
        }
        keys = table;
        hashes = hs;
        mask = m;
    }

    /** Removes key with hash h; true if it was present (set_discard_entry). */
    boolean discardEntry(PyObject key, long h) {
        if (shared()) return discardShared(key, h);
        int j = lookKey(key, h);
        if (j < 0) return false;
        PyObject old = keys[j];
        keys[j] = DUMMY;
        hashes[j] = -1;
        used--;
        RefCount.decref(old);
        return true;
    }

    // ---- keyed operations (hash computed here) ----------------------------------------------

    public boolean containsKey(PyObject key) {
        return lookKey(key, hashOf(key)) >= 0;
    }

    void addKey(PyObject key) {
        addEntry(key, hashOf(key));
    }

    boolean discardKey(PyObject key) {
        return discardEntry(key, hashOf(key));
    }

    /**
     * {@code key in self}, where an unhashable set key is looked up as a frozenset (CPython's
     * set_contains).
     */
    public boolean contains(PyObject key) {
        try {
            return containsKey(key);
        } catch (PyException e) {
            PyFrozenSet tmp = asFrozenKey(key, e);
            try {
                return containsKey(tmp);
            } finally {
                RefCount.decref(tmp);
            }
        }
    }

    /** For a set key whose hash failed with TypeError: the frozenset to retry with; else rethrows. */
    static PyFrozenSet asFrozenKey(PyObject key, PyException e) {
        if (!(key instanceof PySet) || !e.matches(PyExc.TypeError)) throw e;
        RefCount.decref(e.exc);
        PyFrozenSet f = new PyFrozenSet();
        f.merge((PySet) key);
        return f;
    }

    /** Removes everything; the set is empty before any reference is released. */
    public void clear() {
        if (shared()) {
            PyObject[] old;
            synchronized (this) {
                old = keys;
                keys = new PyObject[MINSIZE];
                hashes = new long[MINSIZE];
                mask = MINSIZE - 1;
                fill = 0;
                used = 0;
                hash = -1;
            }
            for (PyObject k : old) if (k != null && k != DUMMY) FreeThreading.decrefLater(k);
            return;
        }
        PyObject[] old = keys;
        int oldMask = mask;
        int n = used;
        keys = new PyObject[MINSIZE];
        hashes = new long[MINSIZE];
        mask = MINSIZE - 1;
        fill = 0;
        used = 0;
        hash = -1;
        for (int j = 0; j <= oldMask && n > 0; j++) {
            PyObject k = old[j];
            if (k != null && k != DUMMY) {
                n--;
                RefCount.decref(k);
            }
        }
    }

    /** Position after the next active entry at or after pos, or -1 (set_next); see {@link #keyAtSlot}. */
    int nextSlot(int pos) {
        int i = pos;
        while (i <= mask && (keys[i] == null || keys[i] == DUMMY)) i++;
        return i > mask ? -1 : i;
    }

    PyObject keyAtSlot(int i) {
        return keys[i];
    }

    // ---- bulk -------------------------------------------------------------------------------

    /** set_merge: adds every element of other (with its hash). */
    void merge(PyAnySet other) {
        if (other == this || other.used == 0) return;
        if (shared()) {
            // A snapshot of other (under its monitor), then one locked add per element.
            other.forEachEntry(this::addEntry);
            return;
        }
        if ((long) (fill + other.used) * 5 >= (long) mask * 3) resize((long) (used + other.used) * 2);
        if (fill == 0 && mask == other.mask && other.fill == other.used) {
            for (int i = 0; i <= other.mask; i++) {
                PyObject k = other.keys[i];
                if (k != null) {
                    keys[i] = RefCount.newRef(k);
                    hashes[i] = other.hashes[i];
                }
            }
            fill = other.fill;
            used = other.used;
            return;
        }
        if (fill == 0) {
            fill = other.used;
            used = other.used;
            for (int i = 0; i <= other.mask; i++) {
                PyObject k = other.keys[i];
                if (k != null && k != DUMMY) insertClean(keys, hashes, mask, RefCount.newRef(k), other.hashes[i]);
            }
            return;
        }
        for (int i = 0; i <= other.mask; i++) {
            PyObject k = other.keys[i];
            if (k != null && k != DUMMY) {
                RefCount.incref(k);
                try {
                    addEntry(k, other.hashes[i]);
                } finally {
                    RefCount.decref(k);
                }
            }
        }
    }

    /** set_update_internal: adds the elements of any iterable (sets and exact dicts with their hashes). */
    void updateInternal(PyObject other) {
        if (other instanceof PyAnySet s) {
            merge(s);
            return;
        }
        if (other.getClass() == PyDict.class) {
            PyDict d = (PyDict) other;
            int dictsize = d.size();
            if ((long) (fill + dictsize) * 5 >= (long) mask * 3) resize((long) (used + dictsize) * 2);
            for (int i = 0; i < d.entrySlots(); i++) {
                PyObject k = d.keyAt(i);
                if (k == null) continue;
                RefCount.incref(k);
                try {
                    addEntry(k, d.hashAt(i));
                } finally {
                    RefCount.decref(k);
                }
            }
            return;
        }
        if (other.getClass() == PyList.class && shared()) {
            PyList l = (PyList) other;
            PyObject k;
            for (int i = 0; (k = l.itemRef(i)) != null; i++) {
                try {
                    addKey(k);
                } finally {
                    RefCount.decref(k);
                }
            }
            return;
        }
        if (other.getClass() == PyList.class || other.getClass() == PyTuple.class) {
            // Same additions in the same order as iterating; the size is re-read because an
            // element's __eq__ may change the list.
            for (int i = 0; i < (other instanceof PyList l0 ? l0.size() : ((PyTuple) other).size()); i++) {
                PyObject k = other instanceof PyList l ? l.get(i) : ((PyTuple) other).get(i);
                RefCount.incref(k);
                try {
                    addKey(k);
                } finally {
                    RefCount.decref(k);
                }
            }
            return;
        }
        PyObject it = Ops.iter(other);
        try {
            PyObject k;
            while ((k = Ops.next(it)) != null) {
                try {
                    addKey(k);
                } finally {
                    RefCount.decref(k);
                }
            }
        } finally {
            RefCount.decref(it);
        }
    }

    /** A copy of this set's base kind (set_copy). */
    PyAnySet copyBase() {
        PyAnySet r = newEmptyLike();
        r.merge(this);
        return r;
    }

    /** Exchanges the tables of two sets (set_swap_bodies). */
    static void swapBodies(PyAnySet a, PyAnySet b) {
        if (shared()) {
            // b is the caller's private result set; a may be shared. Lock both in identity order.
            PyAnySet first = System.identityHashCode(a) <= System.identityHashCode(b) ? a : b;
            PyAnySet second = first == a ? b : a;
            synchronized (first) {
                synchronized (second) {
                    swapBodiesUnshared(a, b);
                }
            }
            return;
        }
        swapBodiesUnshared(a, b);
    }

    private static void swapBodiesUnshared(PyAnySet a, PyAnySet b) {
        PyObject[] k = a.keys;
        a.keys = b.keys;
        b.keys = k;
        long[] h = a.hashes;
        a.hashes = b.hashes;
        b.hashes = h;
        int t = a.mask;
        a.mask = b.mask;
        b.mask = t;
        t = a.fill;
        a.fill = b.fill;
        b.fill = t;
        t = a.used;
        a.used = b.used;
        b.used = t;
        if (a instanceof PyFrozenSet && b instanceof PyFrozenSet) {
            long x = a.hash;
            a.hash = b.hash;
            b.hash = x;
        } else {
            a.hash = -1;
            b.hash = -1;
        }
    }

    // ---- free-threaded variants (see the class comment) ---------------------------------------

    /** Whether table operations must lock: GIL off and more than one thread running. */
    static boolean shared() {
        return !Config.GIL_ENABLED && FreeThreading.shared;
    }

    private static final int ABSENT = -1, NEED_EQ = -2;

    /** {@code __eq__} results computed outside the monitor during one operation. */
    private static final class EqMemo {
        PyObject[] keys = new PyObject[2];
        boolean[] eq = new boolean[2];
        int n;
        PyObject pending;

        int lookup(PyObject k) {
            for (int i = 0; i < n; i++) if (keys[i] == k) return eq[i] ? 1 : 0;
            return -1;
        }

        void resolve(PyObject key) {
            PyObject k = pending;
            pending = null;
            boolean r;
            try {
                r = Ops.eqBool(k, key);
            } finally {
                RefCount.decref(k);
            }
            if (n == keys.length) {
                keys = java.util.Arrays.copyOf(keys, n * 2);
                eq = java.util.Arrays.copyOf(eq, n * 2);
            }
            keys[n] = k;
            eq[n++] = r;
        }
    }

    /**
     * Under the monitor: the slot of key, ABSENT, or NEED_EQ with {@code memo.pending} set (and
     * increfed) to a key that must be compared outside the monitor. Probes as set_lookkey does.
     */
    private int probeLocked(PyObject key, long h, EqMemo memo) {
        PyObject[] table = keys;
        long[] hs = hashes;
        int m = mask;
        long perturb = h;
        int i = (int) (h & m);
        while (true) {
            int probes = i + LINEAR_PROBES <= m ? LINEAR_PROBES : 0;
            for (int j = i; j <= i + probes; j++) {
                PyObject k = table[j];
                if (k == null) return ABSENT;
                if (hs[j] == h && k != DUMMY) {
                    int fast = k == key ? 1 : PyDict.fastEquals(k, key);
                    if (fast < 0) fast = memo.lookup(k);
                    if (fast == 1) return j;
                    if (fast < 0) {
                        memo.pending = RefCount.newRef(k);
                        return NEED_EQ;
                    }
                }
            }
            perturb >>>= 5;
            i = (int) ((i * 5L + 1 + perturb) & m);
        }
    }

    private int lookKeyShared(PyObject key, long h) {
        EqMemo memo = new EqMemo();
        for (;;) {
            synchronized (this) {
                int r = probeLocked(key, h, memo);
                if (r != NEED_EQ) return r;
            }
            memo.resolve(key);
        }
    }

    private void addShared(PyObject key, long h) {
        EqMemo memo = new EqMemo();
        for (;;) {
            synchronized (this) {
                int r = probeLocked(key, h, memo);
                if (r >= 0) return;
                if (r == ABSENT) {
                    RefCount.incref(key);
                    insertAbsentLocked(key, h);
                    return;
                }
            }
            memo.resolve(key);
        }
    }

    /**
     * Stores a key known to be absent (checked under the same monitor hold) where set_add_entry
     * would: the first dummy on its probe path, else the free slot ending it; resizes as it does.
     */
    private void insertAbsentLocked(PyObject key, long h) {
        PyObject[] table = keys;
        long[] hs = hashes;
        int m = mask;
        long perturb = h;
        int i = (int) (h & m);
        int freeslot = -1;
        while (true) {
            int probes = i + LINEAR_PROBES <= m ? LINEAR_PROBES : 0;
            for (int j = i; j <= i + probes; j++) {
                PyObject k = table[j];
                if (k == null) {
                    if (freeslot >= 0) {
                        used++;
                        table[freeslot] = key;
                        hs[freeslot] = h;
                        return;
                    }
                    fill++;
                    used++;
                    table[j] = key;
                    hs[j] = h;
                    if ((long) fill * 5 >= (long) m * 3) resizeUnshared(used > 50000 ? (long) used * 2 : (long) used * 4);
                    return;
                }
                if (hs[j] == -1 && k == DUMMY && freeslot < 0) freeslot = j;
            }
            perturb >>>= 5;
            i = (int) ((i * 5L + 1 + perturb) & m);
        }
    }

    private boolean discardShared(PyObject key, long h) {
        EqMemo memo = new EqMemo();
        PyObject old;
        for (;;) {
            synchronized (this) {
                int r = probeLocked(key, h, memo);
                if (r == ABSENT) return false;
                if (r >= 0) {
                    old = keys[r];
                    keys[r] = DUMMY;
                    hashes[r] = -1;
                    used--;
                    break;
                }
            }
            memo.resolve(key);
        }
        FreeThreading.decrefLater(old);
        return true;
    }

    /**
     * Iteration step: the first active slot at or after {@code pos} with its key as a new
     * reference in {@code out[0]}, or -1. One monitor hold per element when shared.
     */
    int nextEntryRef(int pos, PyObject[] out) {
        if (shared()) {
            synchronized (this) {
                int i = nextSlot(pos);
                if (i >= 0) out[0] = RefCount.newRef(keys[i]);
                return i;
            }
        }
        int i = nextSlot(pos);
        if (i >= 0) out[0] = RefCount.newRef(keys[i]);
        return i;
    }

    /** set.pop() under the monitor; the caller gets its own reference. */
    PyObject popShared() {
        PyObject k;
        synchronized (this) {
            if (used == 0) throw Errors.keyError(PyStr.of("pop from an empty set"));
            int i = finger & mask;
            while (keys[i] == null || keys[i] == DUMMY) {
                i++;
                if (i > mask) i = 0;
            }
            k = keys[i];
            keys[i] = DUMMY;
            hashes[i] = -1;
            used--;
            finger = i + 1;
        }
        RefCount.incref(k);
        FreeThreading.decrefLater(k);
        return k;
    }

    // ---- GC -----------------------------------------------------------------------------------

    @Override
    public void traverse(Visitor v) {
        PyObject[] table = keys;
        for (PyObject k : table) if (k != null && k != DUMMY) v.visit(k);
    }

    @Override
    public void releaseReferences() {
        if (used == 0 && fill == 0) return;
        clear();
    }
}
