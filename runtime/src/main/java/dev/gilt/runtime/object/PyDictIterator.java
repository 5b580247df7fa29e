package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;

/**
 * The dict iterators: {@code dict_keyiterator}, {@code dict_valueiterator},
 * {@code dict_itemiterator} and their {@code dict_reverse...} forms (one Java class, six types).
 *
 * <p>As CPython's dictiter: the dict's size is recorded at creation; a different size at any
 * later step raises RuntimeError "dictionary changed size during iteration" (and stays
 * exhausted); a forward iterator that finds more entries than it expected (keys deleted and
 * others added) raises "dictionary keys changed during iteration".
 */
public final class PyDictIterator extends PyGcObject {
    public static final int KEYS = 0, VALUES = 1, ITEMS = 2, REVERSE_KEYS = 3, REVERSE_VALUES = 4, REVERSE_ITEMS = 5;
    private static final String[] NAMES = {"dict_keyiterator", "dict_valueiterator", "dict_itemiterator",
        "dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator"};
    public static final PyType[] TYPES = new PyType[6];

    static {
        for (int k = 0; k < 6; k++) {
            PyType t = PyType.builtin(NAMES[k], PyDictIterator.class);
            t.flags &= ~PyType.BASETYPE;
            t.iter = RefCount::newRef;
            t.next = o -> ((PyDictIterator) o).next();
            PyMethodDescr.define(t, "__length_hint__", (Fn.F0) self -> PyInt.of(((PyDictIterator) self).lengthHint()));
            TYPES[k] = t;
        }
    }

    private final int kind;
    private PyDict dict;
    /** The dict's size when iteration started; -1 once a size change was reported. */
    private int usedAtStart;
    private int pos;
    /** Items still expected. */
    private int remaining;
    /** Scratch for {@link PyDict#readEntry} (borrowed references, not counted). */
    private final PyObject[] entry = new PyObject[2];

    /** Iterates {@code d} (borrowed; kept until exhausted). */
    public PyDictIterator(int kind, PyDict d) {
        this.kind = kind;
        this.dict = RefCount.newRef(d);
        this.usedAtStart = d.size();
        this.remaining = d.size();
        this.pos = kind >= REVERSE_KEYS ? d.entrySlots() - 1 : 0;
    }

    @Override
    public PyType type() {
        return TYPES[kind];
    }

    long lengthHint() {
        return dict != null && usedAtStart == dict.size() ? remaining : 0;
    }

    /** The next key, value or (key, value) tuple as a new reference, or null when exhausted. */
    public PyObject next() {
        PyDict d = dict;
        if (d == null) return null;
        if (usedAtStart != d.size()) {
            usedAtStart = -1;
            throw Errors.runtimeError("dictionary changed size during iteration");
        }
        int i = pos;
        // One consistent read of the entry: with the GIL off another thread may delete it
        // between two reads (PyDict.readEntry).
        PyObject[] kv = entry;
        if (kind < REVERSE_KEYS) {
            int n = d.entrySlots();
            while (i < n && !d.readEntry(i, kv)) i++;
            if (i >= n) return exhaust();
            if (remaining == 0) {
                exhaust();
                throw Errors.runtimeError("dictionary keys changed during iteration");
            }
            pos = i + 1;
        } else {
            if (i >= d.entrySlots()) i = d.entrySlots() - 1;
            while (i >= 0 && !d.readEntry(i, kv)) i--;
            if (i < 0) return exhaust();
            pos = i - 1;
        }
        remaining--;
        return switch (kind % 3) {
            case 0 -> RefCount.newRef(kv[0]);
            case 1 -> RefCount.newRef(kv[1]);
            default -> PyTuple.of(kv[0], kv[1]);
        };
    }

    private PyObject exhaust() {
        PyDict d = dict;
        dict = null;
        RefCount.xdecref(d);
        return null;
    }

    @Override
    public void traverse(Visitor v) {
        if (dict != null) v.visit(dict);
    }

    @Override
    public void releaseReferences() {
        exhaust();
    }
}
