package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code str}: an immutable sequence of code points, held as a Java String. Strings made with
 * {@link #intern} (identifiers, attribute names, constant strings that look like identifiers) are
 * unique per content and immortal, so attribute lookups can compare them by identity first.
 */
public class PyStr extends PyObject {
    public static final PyType TYPE = PyType.builtin("str", PyStr.class);

    public final String value;
    /** Cached hash; 0 means not yet computed (a real hash of 0 is stored as 1). */
    private long hash;
    private boolean interned;

    public PyStr(String value) {
        this.value = value;
    }

    private static final ConcurrentHashMap<String, PyStr> INTERNED = new ConcurrentHashMap<>();

    /** The interned, immortal string for {@code s}. */
    public static PyStr intern(String s) {
        PyStr p = INTERNED.get(s);
        if (p != null) return p;
        return INTERNED.computeIfAbsent(s, k -> {
            PyStr n = new PyStr(k);
            n.interned = true;
            return RefCount.immortalize(n);
        });
    }

    /** A new str (a new reference). */
    public static PyStr of(String s) {
        return new PyStr(s);
    }

    public static final PyStr EMPTY = intern("");

    public boolean isInterned() {
        return interned;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The str hash (deterministic: Gilt does not randomize hashes). */
    public long pyHash() {
        long h = hash;
        if (h == 0) {
            h = hashOf(value);
            hash = h;
        }
        return h;
    }

    /** FNV-1a over UTF-16 units, mixed; never -1 or 0. */
    public static long hashOf(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= (h >>> 29);
        if (h == -1 || h == 0) h = -2;
        return h;
    }

    /** Content equality for two strs (identity first). */
    public boolean contentEquals(PyStr o) {
        return this == o || (o.value.equals(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
