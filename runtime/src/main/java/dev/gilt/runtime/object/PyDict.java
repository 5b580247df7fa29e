package dev.gilt.runtime.object;

import dev.gilt.runtime.Config;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.FreeThreading;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * {@code dict}: insertion-ordered hash table with Python's hash and equality (CPython's compact
 * layout: a sparse index table over dense entry arrays). Its type is {@link PyType#DICT} (see
 * there for why PyDict has no TYPE constant of its own); its slots and methods live in
 * {@link DictMethods}.
 *
 * <h2>Refcounts</h2>
 * The dict owns one reference to each key and value it holds. {@link #getItem} returns a
 * borrowed reference (as CPython's PyDict_GetItem); {@link #setItem} increfs; removals decref
 * once the table is consistent again. When a key already present is set again, the dict keeps
 * its original key object (as CPython).
 *
 * <h2>Re-entrancy</h2>
 * Comparing keys calls {@code __eq__}, which may mutate this dict. A lookup holds a reference to
 * the key it compares and restarts when the table or that entry changed meanwhile (CPython's
 * lookdict rule), so it never reads a stale slot.
 *
 * <h2>Iteration</h2>
 * By entry slot: {@code for (i = 0; i < entrySlots(); i++) if (keyAt(i) != null) ...}. Callers
 * detect mutation through {@link #size()} (CPython's "dictionary changed size during
 * iteration") or {@link #version()}.
 *
 * <h2>Free threading</h2>
 * With the GIL off and more than one thread running ({@link FreeThreading#mustLock()}; a
 * {@code static final} test folds it all away with the GIL on), the public methods switch to
 * their "shared" variants at the end of this file:
 * <ul>
 *   <li>Writers hold the dict's monitor for the pure-Java part of the operation and bump
 *       {@link #seq} to odd before and to even after changing the table (a seqlock). A key whose
 *       comparison needs {@code __eq__} (Python code) is compared outside the monitor and the
 *       result remembered ({@link EqMemo}); the probe then restarts under the monitor. No Python
 *       code and no decref ever runs while the monitor is held, so a thread never waits for one
 *       that is parked at a stop-the-world or blocked.
 *   <li>Readers take no lock: they read the table and accept the result only if {@link #seq} was
 *       even and unchanged around the read (retrying otherwise), so they never act on a torn
 *       table; array reads are guarded so a torn read cannot throw.
 *   <li>References removed from the table are released through
 *       {@link FreeThreading#decrefLater}, so a borrowed value a reader just got stays alive
 *       until the reader increfs it. A removed entry's value slot is not cleared in free-threaded
 *       mode (its key is), so code that reads {@code keyAt(i)} then {@code valueAt(i)} never sees
 *       a null value.
 * </ul>
 * Single operations are therefore atomic and never throw a Java exception; iteration while
 * another thread mutates sees each entry at most once and may raise "dictionary changed size
 * during iteration", as in CPython.
 */
public class PyDict extends PyGcObject {
    private static final int EMPTY = -1, DUMMY = -2;
    private static final int MIN_SIZE = 8;
    /** The shared table of an empty dict: never written (an insert grows first). */
    private static final int[] EMPTY_INDEX = new int[MIN_SIZE];
    private static final long[] NO_HASHES = new long[0];
    private static final PyObject[] NO_OBJECTS = new PyObject[0];

    static {
        Arrays.fill(EMPTY_INDEX, EMPTY);
    }

    /** Sparse index: EMPTY, DUMMY (deleted) or an entry position. Length is a power of two. */
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
        setEmpty();
    }

    /** A dict with room for {@code n} items without resizing. */
    public PyDict(int n) {
        int cap = MIN_SIZE;
        while (cap * 2 / 3 < n) cap <<= 1;
        init(cap);
    }

    private void setEmpty() {
        index = EMPTY_INDEX;
        hashes = NO_HASHES;
        keys = NO_OBJECTS;
        values = NO_OBJECTS;
        used = 0;
        size = 0;
    }

    private void init(int cap) {
        index = new int[cap];
        Arrays.fill(index, EMPTY);
        int n = cap * 2 / 3;
        hashes = new long[n];
        keys = new PyObject[n];
        values = new PyObject[n];
        used = 0;
        size = 0;
    }

    /**
     * Called once from PyType's static initialiser, when {@link PyType#DICT} exists: fills dict's
     * slots with method references only (creating Python objects there could re-enter a
     * half-initialised class). Methods are defined later by {@link #defineMethods}.
     */
    static void installSlots(PyType dict) {
        DictMethods.installSlots(dict);
    }

    /** Defines dict's methods (get, keys, ...) in its type dict; run once before the first type lookup. */
    static void defineMethods() {
        DictMethods.defineMethods(PyType.DICT);
    }

    @Override
    public PyType type() {
        return PyType.DICT;
    }

    public int size() {
        return size;
    }

    /**
     * Changes on every insertion of a new key, deletion, clear and table rebuild (so entry slots
     * of keys stay valid while it is unchanged); replacing the value of an existing key does not
     * change it (the VM's global caches rely on that).
     */
    public int version() {
        return version;
    }

    /** Number of entry slots (live or deleted) for index-based iteration. */
    public int entrySlots() {
        return used;
    }

    /** Key at entry slot i, or null if that entry was deleted (borrowed). */
    public PyObject keyAt(int i) {
        PyObject[] ks = keys;
        return i < ks.length ? ks[i] : null; // a racing clear() may have shrunk the table
    }

    /** Value at entry slot i, or null if deleted (borrowed). */
    public PyObject valueAt(int i) {
        PyObject[] vs = values;
        return i < vs.length ? vs[i] : null;
    }

    /** Hash of the key at entry slot i (valid when keyAt(i) != null). */
    public long hashAt(int i) {
        long[] hs = hashes;
        return i < hs.length ? hs[i] : 0;
    }

    // ---- hashing and lookup -----------------------------------------------------------------

    /** hash(key), with exact str's cached hash as the fast path. */
    public static long hashOf(PyObject key) {
        if (key.getClass() == PyStr.class) return ((PyStr) key).pyHash();
        return Ops.hash(key);
    }

    private static boolean isExactStr(PyObject o) {
        return o.getClass() == PyStr.class;
    }

    /**
     * Position in {@link #index} of the slot holding key, or -1. The dict's own reference keeps the
     * compared key alive; a temporary one covers the case where {@code __eq__} deletes it.
     */
    private int findSlot(PyObject key, long h) {
        restart:
        while (true) {
            int[] idx = index;
            PyObject[] ks = keys;
            int mask = idx.length - 1;
            long perturb = h;
            int i = (int) (h & mask);
            while (true) {
                int ix = idx[i];
                if (ix == EMPTY) return -1;
                if (ix >= 0) {
                    PyObject k = ks[ix];
                    if (k == key) return i;
                    if (hashes[ix] == h) {
                        int fast = fastEquals(k, key);
                        if (fast >= 0) {
                            if (fast == 1) return i;
                        } else {
                            RefCount.incref(k);
                            boolean eq;
                            try {
                                eq = Ops.eqBool(k, key);
                            } finally {
                                RefCount.decref(k);
                            }
                            if (ks != keys || idx != index || ks[ix] != k) continue restart;
                            if (eq) return i;
                        }
                    }
                }
                perturb >>>= 5;
                i = (int) ((i * 5L + perturb + 1) & mask);
            }
        }
    }

    /**
     * Equality of two keys without calling Python code when both are exact strs, exact ints or
     * exact floats (their {@code __eq__} is known): 1 equal, 0 not equal, -1 unknown (ask
     * {@code __eq__}).
     */
    static int fastEquals(PyObject a, PyObject b) {
        Class<?> c = a.getClass();
        if (c != b.getClass()) return -1;
        if (c == PyStr.class) return ((PyStr) a).value.equals(((PyStr) b).value) ? 1 : 0;
        if (c == PyInt.class) {
            PyInt x = (PyInt) a, y = (PyInt) b;
            if (x.big == null && y.big == null) return x.value == y.value ? 1 : 0;
            return x.bigValue().equals(y.bigValue()) ? 1 : 0;
        }
        if (c == PyFloat.class) return ((PyFloat) a).value == ((PyFloat) b).value ? 1 : 0;
        return -1;
    }

    /** Entry position of key with hash h, or -1. */
    int findEntry(PyObject key, long h) {
        int s = findSlot(key, h);
        return s < 0 ? -1 : index[s];
    }

    /** Fast lookup for a str key (attribute names); borrowed or null. */
    public PyObject getItemStr(PyStr key) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) return getItemStrShared(key);
        long h = key.pyHash();
        int[] idx = index;
        int mask = idx.length - 1;
        long perturb = h;
        int i = (int) (h & mask);
        while (true) {
            int ix = idx[i];
            if (ix == EMPTY) return null;
            if (ix >= 0 && hashes[ix] == h) {
                PyObject k = keys[ix];
                if (k == key) return values[ix];
                if (!isExactStr(k) || !isExactStr(key)) return getItem(key, h);
                if (((PyStr) k).value.equals(key.value)) return values[ix];
            }
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
    }

    /** The value for key (borrowed), or null. Raises TypeError for unhashable keys. */
    public PyObject getItem(PyObject key) {
        return getItem(key, hashOf(key));
    }

    /** The value for key whose hash is already known (borrowed), or null. */
    public PyObject getItem(PyObject key, long h) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) return getItemShared(key, h);
        int ix = findEntry(key, h);
        return ix < 0 ? null : values[ix];
    }

    public boolean containsKey(PyObject key) {
        return getItem(key) != null;
    }

    // ---- mutation -----------------------------------------------------------------------------

    /** d[key] = value; increfs key (when new) and value. */
    public void setItem(PyObject key, PyObject value) {
        setItem(key, hashOf(key), value);
    }

    /** d[key] = value with the key's hash already known. */
    public void setItem(PyObject key, long h, PyObject value) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            setItemShared(key, h, value);
            return;
        }
        RefCount.incref(value);
        int ix;
        try {
            ix = findEntry(key, h);
        } catch (RuntimeException e) {
            RefCount.decref(value);
            throw e;
        }
        if (ix >= 0) {
            PyObject old = values[ix];
            values[ix] = value;
            RefCount.decref(old);
            return;
        }
        RefCount.incref(key);
        insertNew(key, h, value);
    }

    /** Appends a new entry (key absent); steals key and value. */
    private void insertNew(PyObject key, long h, PyObject value) {
        if (used == keys.length) grow();
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

    /** CPython's growth rule: the new table fits 3x the live entries (compacting deleted ones). */
    private void grow() {
        long want = Math.max((long) size * 3, MIN_SIZE);
        int cap = MIN_SIZE;
        while (cap < want) cap <<= 1;
        while (cap * 2 / 3 <= size) cap <<= 1;
        rebuild(cap);
    }

    private void rebuild(int cap) {
        long[] oh = hashes;
        PyObject[] ok = keys, ov = values;
        int oused = used;
        init(cap);
        int mask = cap - 1;
        int n = 0;
        for (int j = 0; j < oused; j++) {
            if (ok[j] == null) continue;
            long h = oh[j];
            long perturb = h;
            int i = (int) (h & mask);
            while (index[i] >= 0) {
                perturb >>>= 5;
                i = (int) ((i * 5L + perturb + 1) & mask);
            }
            index[i] = n;
            hashes[n] = h;
            keys[n] = ok[j];
            values[n] = ov[j];
            n++;
        }
        used = n;
        size = n;
        version++;
    }

    /** Removes key; returns the removed value as a new reference (the caller owns it), or null. */
    public PyObject pop(PyObject key) {
        return pop(key, hashOf(key));
    }

    /** {@link #pop(PyObject)} with the key's hash known. */
    public PyObject pop(PyObject key, long h) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) return popShared(key, h);
        int s = findSlot(key, h);
        if (s < 0) return null;
        return removeAtSlot(s);
    }

    /** Empties index slot s and its entry; returns the value reference, decrefs the key. */
    private PyObject removeAtSlot(int s) {
        int ix = index[s];
        index[s] = DUMMY;
        PyObject k = keys[ix], v = values[ix];
        keys[ix] = null;
        if (Config.GIL_ENABLED) values[ix] = null; // free-threaded: see the class comment
        size--;
        version++;
        RefCount.decref(k);
        return v;
    }

    /** del d[key]; false if absent. */
    public boolean delItem(PyObject key) {
        PyObject v = pop(key);
        if (v == null) return false;
        FreeThreading.decrefLater(v);
        return true;
    }

    /**
     * dict.popitem(): removes the last inserted entry and returns (key, value) as a new tuple that
     * takes the dict's references; KeyError "popitem(): dictionary is empty".
     */
    public PyTuple popItem() {
        if (!Config.GIL_ENABLED && FreeThreading.shared) return popItemShared();
        if (size == 0) throw Errors.keyError(PyStr.of("popitem(): dictionary is empty"));
        int i = used - 1;
        while (i >= 0 && keys[i] == null) i--;
        PyObject k = keys[i], v = values[i];
        int mask = index.length - 1;
        long h = hashes[i];
        long perturb = h;
        int s = (int) (h & mask);
        while (index[s] != i) {
            perturb >>>= 5;
            s = (int) ((s * 5L + perturb + 1) & mask);
        }
        index[s] = DUMMY;
        keys[i] = null;
        if (Config.GIL_ENABLED) values[i] = null;
        // The entry slot stays used (a hole): the number of non-empty index slots must stay at
        // most the entries used, so that probing always finds an EMPTY slot.
        size--;
        version++;
        return PyTuple.steal(k, v);
    }

    /** Removes everything; the dict is empty before any reference is released. */
    public void clear() {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            clearShared();
            return;
        }
        PyObject[] ok = keys, ov = values;
        int n = used;
        setEmpty();
        version++;
        for (int j = 0; j < n; j++) {
            if (ok[j] != null) {
                RefCount.decref(ok[j]);
                RefCount.decref(ov[j]);
            }
        }
    }

    /**
     * dict.setdefault(key, dflt): the value now stored for key, borrowed (the dict holds it).
     */
    public PyObject setDefault(PyObject key, PyObject dflt) {
        long h = hashOf(key);
        if (!Config.GIL_ENABLED && FreeThreading.shared) return setDefaultShared(key, h, dflt);
        int ix = findEntry(key, h);
        if (ix >= 0) return values[ix];
        RefCount.incref(key);
        RefCount.incref(dflt);
        insertNew(key, h, dflt);
        return dflt;
    }

    // ---- bulk operations ----------------------------------------------------------------------

    /** A shallow copy (an exact dict, whatever this dict's type). */
    public PyDict copy() {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            synchronized (this) {
                return copyUnshared();
            }
        }
        return copyUnshared();
    }

    private PyDict copyUnshared() {
        PyDict d = new PyDict(size);
        int n = used;
        for (int j = 0; j < n && j < used; j++) {
            PyObject k = keys[j];
            if (k == null) continue;
            RefCount.incref(k);
            RefCount.incref(values[j]);
            d.insertNew(k, hashes[j], values[j]);
        }
        return d;
    }

    /** {@code dict(mapping)}: a new dict from anything {@link #update} accepts. */
    public static PyDict fromMapping(PyObject mapping) {
        PyDict d = new PyDict();
        try {
            DictMethods.updateArg(d, mapping);
        } catch (RuntimeException e) {
            RefCount.decref(d);
            throw e;
        }
        return d;
    }

    /** dict.update(other): a mapping (anything with keys()) or an iterable of pairs. */
    public void update(PyObject other) {
        DictMethods.updateArg(this, other);
    }

    /** Merge-only modes for {@link #merge}: keep existing values, override them, or raise KeyError(key). */
    public static final int MERGE_KEEP = 0, MERGE_OVERRIDE = 1, MERGE_ERROR = 2;

    /**
     * CPython's dict_merge: {@code other} must be a mapping (a dict, or anything with keys() and
     * __getitem__). With {@link #MERGE_ERROR} a key already present raises KeyError(key) (the VM
     * turns it into "got multiple values for keyword argument").
     */
    public void merge(PyObject other, int mode) {
        DictMethods.merge(this, other, mode);
    }

    /** Inserts a key known to be absent during a copy, with its hash (steals nothing; increfs). */
    void insertKnownAbsent(PyObject key, long h, PyObject value) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            setItemShared(key, h, value); // another thread may have inserted it meanwhile
            return;
        }
        RefCount.incref(key);
        RefCount.incref(value);
        insertNew(key, h, value);
    }

    /** Makes room for {@code extra} more entries in one resize. */
    void reserve(int extra) {
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            synchronized (this) {
                beginWrite();
                try {
                    reserveUnshared(extra);
                } finally {
                    endWrite();
                }
            }
            return;
        }
        reserveUnshared(extra);
    }

    private void reserveUnshared(int extra) {
        if (used + extra > keys.length) {
            int cap = MIN_SIZE;
            while (cap * 2 / 3 < size + extra) cap <<= 1;
            rebuild(cap);
        }
    }

    // ---- free-threaded variants (see the class comment) ---------------------------------------

    /** Seqlock word: odd while a writer (holding the monitor) changes the table. */
    private volatile int seq;

    /** Marks the start of a change; the caller holds the monitor. */
    private void beginWrite() {
        seq = seq + 1;
        VarHandle.storeStoreFence(); // the odd value is visible before any table write
    }

    /** Marks the end of a change (a volatile write: the table writes are visible first). */
    private void endWrite() {
        seq = seq + 1;
    }

    /** Readers give up optimism after this many torn reads and read under the monitor. */
    private static final int OPTIMISTIC_TRIES = 64;
    /** A torn read: retry. */
    private static final PyObject TORN = new Torn();

    /** The sentinel type of {@link #TORN} (never visible to Python). */
    private static final class Torn extends PyObject {
        @Override
        public PyType type() {
            return PyType.OBJECT;
        }
    }

    /** Results of {@code __eq__} calls made outside the monitor during one operation. */
    private static final class EqMemo {
        PyObject[] keys = new PyObject[2];
        boolean[] eq = new boolean[2];
        int n;
        /** A key that needs comparing (set by {@link #probeLocked}). */
        PyObject pending;

        int lookup(PyObject k) {
            for (int i = 0; i < n; i++) if (keys[i] == k) return eq[i] ? 1 : 0;
            return -1;
        }

        void add(PyObject k, boolean r) {
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
                eq = Arrays.copyOf(eq, n * 2);
            }
            keys[n] = k;
            eq[n++] = r;
        }
    }

    private static final int ABSENT = -1, NEED_EQ = -2;

    /**
     * Probes for key under the monitor without calling Python code: the index slot, ABSENT, or
     * NEED_EQ with {@code memo.pending} set to a key that must be compared with {@code __eq__}.
     */
    private int probeLocked(PyObject key, long h, EqMemo memo) {
        int[] idx = index;
        int mask = idx.length - 1;
        long perturb = h;
        int i = (int) (h & mask);
        while (true) {
            int ix = idx[i];
            if (ix == EMPTY) return ABSENT;
            if (ix >= 0) {
                PyObject k = keys[ix];
                if (k == key) return i;
                if (hashes[ix] == h) {
                    int fast = fastEquals(k, key);
                    if (fast < 0) fast = memo.lookup(k);
                    if (fast == 1) return i;
                    if (fast < 0) {
                        memo.pending = k;
                        return NEED_EQ;
                    }
                }
            }
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
    }

    /** Compares {@code memo.pending} (increfed by the caller under the monitor) with key, outside it. */
    private static void resolve(EqMemo memo, PyObject key) {
        PyObject k = memo.pending;
        memo.pending = null;
        try {
            memo.add(k, Ops.eqBool(k, key));
        } finally {
            RefCount.decref(k);
        }
    }

    private PyObject getItemStrShared(PyStr key) {
        long h = key.pyHash();
        for (int t = 0; t < OPTIMISTIC_TRIES; t++) {
            int s0 = seq;
            if ((s0 & 1) == 0) {
                PyObject v = getItemStrRacy(key, h);
                VarHandle.acquireFence();
                if (v != TORN && seq == s0) return v;
            }
            Thread.onSpinWait();
        }
        return getItemLocked(key, h);
    }

    /** getItemStr on a table that may be changing: TORN when the arrays do not fit together. */
    private PyObject getItemStrRacy(PyStr key, long h) {
        int[] idx = index;
        long[] hs = hashes;
        PyObject[] ks = keys, vs = values;
        int mask = idx.length - 1;
        long perturb = h;
        int i = (int) (h & mask);
        for (int probes = 0; probes <= mask; probes++) {
            int ix = idx[i];
            if (ix == EMPTY) return null;
            if (ix >= 0) {
                if (ix >= ks.length || ix >= hs.length || ix >= vs.length) return TORN;
                if (hs[ix] == h) {
                    PyObject k = ks[ix];
                    if (k == key) return vs[ix];
                    if (k == null) return TORN;
                    if (!isExactStr(k)) return getItemRacySlow(key, h);
                    if (((PyStr) k).value.equals(key.value)) return vs[ix];
                }
            }
            perturb >>>= 5;
            i = (int) ((i * 5L + perturb + 1) & mask);
        }
        return TORN;
    }

    private PyObject getItemShared(PyObject key, long h) {
        for (int t = 0; t < OPTIMISTIC_TRIES; t++) {
            int s0 = seq;
            if ((s0 & 1) == 0) {
                PyObject v = getItemRacySlow(key, h);
                VarHandle.acquireFence();
                if (v != TORN && seq == s0) return v;
            }
            Thread.onSpinWait();
        }
        return getItemLocked(key, h);
    }

    /** The general lookup on a table that may be changing (may call __eq__): TORN if it tore. */
    private PyObject getItemRacySlow(PyObject key, long h) {
        try {
            int s = findSlot(key, h);
            if (s < 0) return null;
            int ix = index[s];
            PyObject v = values[ix];
            return v == null ? TORN : v;
        } catch (ArrayIndexOutOfBoundsException | NullPointerException e) {
            return TORN; // arrays of two generations; the seqlock check would reject it anyway
        }
    }

    /** The lookup under the monitor (after too many torn optimistic reads). Borrowed or null. */
    private PyObject getItemLocked(PyObject key, long h) {
        EqMemo memo = new EqMemo();
        for (;;) {
            synchronized (this) {
                int r = probeLocked(key, h, memo);
                if (r >= 0) return values[index[r]];
                if (r == ABSENT) return null;
                RefCount.incref(memo.pending);
            }
            resolve(memo, key);
        }
    }

    private void setItemShared(PyObject key, long h, PyObject value) {
        RefCount.incref(value);
        EqMemo memo = null;
        PyObject old = null;
        for (;;) {
            synchronized (this) {
                int r = probeLocked(key, h, memo == null ? (memo = new EqMemo()) : memo);
                if (r >= 0) {
                    int ix = index[r];
                    beginWrite();
                    old = values[ix];
                    values[ix] = value;
                    endWrite();
                    break;
                }
                if (r == ABSENT) {
                    RefCount.incref(key);
                    beginWrite();
                    try {
                        insertNew(key, h, value);
                    } finally {
                        endWrite();
                    }
                    break;
                }
                RefCount.incref(memo.pending);
            }
            try {
                resolve(memo, key);
            } catch (RuntimeException e) {
                RefCount.decref(value);
                throw e;
            }
        }
        if (old != null) FreeThreading.decrefLater(old);
    }

    private PyObject popShared(PyObject key, long h) {
        EqMemo memo = new EqMemo();
        PyObject k, v;
        for (;;) {
            synchronized (this) {
                int r = probeLocked(key, h, memo);
                if (r == ABSENT) return null;
                if (r >= 0) {
                    int ix = index[r];
                    beginWrite();
                    index[r] = DUMMY;
                    k = keys[ix];
                    v = values[ix];
                    keys[ix] = null;
                    size--;
                    version++;
                    endWrite();
                    break;
                }
                RefCount.incref(memo.pending);
            }
            resolve(memo, key);
        }
        // The caller gets its own reference; the dict's is released once readers moved on.
        RefCount.incref(v);
        FreeThreading.decrefLater(v);
        FreeThreading.decrefLater(k);
        return v;
    }

    private PyTuple popItemShared() {
        PyObject k, v;
        synchronized (this) {
            if (size == 0) throw Errors.keyError(PyStr.of("popitem(): dictionary is empty"));
            int i = used - 1;
            while (i >= 0 && keys[i] == null) i--;
            k = keys[i];
            v = values[i];
            int mask = index.length - 1;
            long h = hashes[i];
            long perturb = h;
            int s = (int) (h & mask);
            while (index[s] != i) {
                perturb >>>= 5;
                s = (int) ((s * 5L + perturb + 1) & mask);
            }
            beginWrite();
            index[s] = DUMMY;
            keys[i] = null;
            size--;
            version++;
            endWrite();
        }
        PyTuple t = PyTuple.of(k, v);
        FreeThreading.decrefLater(k);
        FreeThreading.decrefLater(v);
        return t;
    }

    private void clearShared() {
        PyObject[] ok, ov;
        int n;
        synchronized (this) {
            ok = keys;
            ov = values;
            n = used;
            beginWrite();
            setEmpty();
            version++;
            endWrite();
        }
        for (int j = 0; j < n; j++) {
            if (ok[j] != null) {
                FreeThreading.decrefLater(ok[j]);
                FreeThreading.decrefLater(ov[j]);
            }
        }
    }

    private PyObject setDefaultShared(PyObject key, long h, PyObject dflt) {
        EqMemo memo = new EqMemo();
        for (;;) {
            synchronized (this) {
                int r = probeLocked(key, h, memo);
                if (r >= 0) return values[index[r]];
                if (r == ABSENT) {
                    RefCount.incref(key);
                    RefCount.incref(dflt);
                    beginWrite();
                    try {
                        insertNew(key, h, dflt);
                    } finally {
                        endWrite();
                    }
                    return dflt;
                }
                RefCount.incref(memo.pending);
            }
            resolve(memo, key);
        }
    }

    /**
     * Reads entry slot i consistently: its key and value (borrowed) into {@code kv}; false when
     * the entry is deleted or out of range. Iterators use it so that a racing writer never hands
     * them half an entry.
     */
    public boolean readEntry(int i, PyObject[] kv) {
        PyObject k, v;
        if (!Config.GIL_ENABLED && FreeThreading.shared) {
            for (int t = 0; t < OPTIMISTIC_TRIES; t++) {
                int s0 = seq;
                if ((s0 & 1) == 0) {
                    k = keyAt(i);
                    v = valueAt(i);
                    VarHandle.acquireFence();
                    if (seq == s0) {
                        kv[0] = k;
                        kv[1] = v;
                        return k != null && v != null;
                    }
                }
                Thread.onSpinWait();
            }
            synchronized (this) {
                k = keyAt(i);
                v = valueAt(i);
            }
        } else {
            k = keyAt(i);
            v = k == null ? null : valueAt(i);
        }
        kv[0] = k;
        kv[1] = v;
        return k != null && v != null;
    }

    // ---- GC -----------------------------------------------------------------------------------

    @Override
    public void traverse(Visitor v) {
        PyObject[] ks = keys, vs = values;
        int n = Math.min(used, ks.length);
        for (int j = 0; j < n; j++) {
            if (ks[j] != null) {
                v.visit(ks[j]);
                v.visit(vs[j]);
            }
        }
    }

    @Override
    public void releaseReferences() {
        clear();
    }

    /**
     * Instances of user subclasses of dict: the user's class, a {@code __dict__} and
     * {@code __slots__} values, kept in an {@link InstanceState}.
     */
    public static final class Sub extends PyDict implements HasDict {
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
