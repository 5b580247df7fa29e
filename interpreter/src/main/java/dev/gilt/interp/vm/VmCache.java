package dev.gilt.interp.vm;

import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;

/**
 * What the VM keeps per code object ({@code PyCode.tierData}): interned names and the LOAD_GLOBAL
 * caches. Created on a code object's first run.
 *
 * <h2>Threads</h2>
 * Cache entries are immutable objects published with a single reference store, so a racing
 * reader sees either an old complete entry or a new complete one; every entry is validated
 * against the dicts before use, so a stale one only costs a miss.
 */
final class VmCache {
    final PyStr[] names;
    /** Per instruction index: a {@link GlobalEntry} for LOAD_GLOBAL instructions, else null. */
    final GlobalEntry[] globals;
    /** Per instruction index: the type lookup a LOAD_ATTR made last, or null. */
    final AttrEntry[] attrs;

    private VmCache(PyCode co) {
        names = new PyStr[co.names.length];
        for (int i = 0; i < names.length; i++) names[i] = PyStr.intern(co.names[i]);
        globals = new GlobalEntry[co.code.length];
        attrs = new AttrEntry[co.code.length];
    }

    /**
     * What {@code type.lookup(name)} returned ({@code descr}, borrowed, possibly null) while the
     * type had {@code version}: valid while the version is unchanged, since any change to the
     * type or its bases bumps it (PyType's invariant).
     */
    record AttrEntry(PyType type, int version, PyObject descr) {}

    /** The MRO lookup of {@code name} on {@code t} (borrowed or null), through the cache of instruction {@code at}. */
    PyObject typeLookup(int at, PyType t, PyStr name) {
        AttrEntry e = attrs[at];
        int v = t.version;
        if (e != null && e.type == t && e.version == v) return e.descr;
        PyObject d = t.lookup(name);
        attrs[at] = new AttrEntry(t, v, d);
        return d;
    }

    static VmCache of(PyCode co) {
        Object t = co.tierData;
        if (t instanceof VmCache c) return c;
        synchronized (co) {
            t = co.tierData;
            if (t instanceof VmCache c) return c;
            VmCache c = new VmCache(co);
            co.tierData = c;
            return c;
        }
    }

    /**
     * Where a global name was found: entry slot {@code ix} of the globals dict, or (when
     * {@code builtins} is non-null) entry slot {@code ix} of that builtins dict, valid while
     * {@code globals} keeps version {@code gver} (no key added or removed).
     */
    record GlobalEntry(int ix, PyDict globals, int gver, PyDict builtins) {}

    private static final GlobalEntry NO_CACHE = new GlobalEntry(Integer.MAX_VALUE, null, 0, null);

    /** LOAD_GLOBAL: the value of {@code name} (borrowed) or null if it is defined nowhere. */
    PyObject loadGlobal(int at, PyStr name, PyDict g, PyDict b) {
        GlobalEntry e = globals[at];
        if (e != null) {
            if (e.builtins == null) {
                int ix = e.ix;
                if (ix < g.entrySlots() && g.keyAt(ix) == name) {
                    PyObject v = g.valueAt(ix);
                    if (v != null) return v; // null only while another thread writes (GIL off)
                }
            } else if (e.globals == g && e.builtins == b && e.gver == g.version()) {
                int ix = e.ix;
                if (ix < b.entrySlots() && b.keyAt(ix) == name) {
                    PyObject v = b.valueAt(ix);
                    if (v != null) return v;
                }
            }
        }
        PyObject v = g.getItemStr(name);
        // A key that is not the interned name object cannot be cached (entries are checked by
        // identity); NO_CACHE then stops the linear search from running on every execution.
        boolean scan = e != NO_CACHE;
        if (v != null) {
            if (scan) {
                int ix = slotOf(g, name);
                globals[at] = ix >= 0 ? new GlobalEntry(ix, null, 0, null) : NO_CACHE;
            }
            return v;
        }
        v = b.getItemStr(name);
        if (v != null && scan) {
            int ix = slotOf(b, name);
            globals[at] = ix >= 0 ? new GlobalEntry(ix, g, g.version(), b) : NO_CACHE;
        }
        return v;
    }

    /** The entry slot holding exactly the key object {@code name}, or -1 (linear: misses only). */
    private static int slotOf(PyDict d, PyStr name) {
        int n = d.entrySlots();
        for (int i = 0; i < n; i++) if (d.keyAt(i) == name) return i;
        return -1;
    }
}
