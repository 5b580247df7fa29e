package dev.gilt.stdlib.util;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;

/**
 * Java-side iteration over a Python iterable: exact lists and tuples are read by index (a list is
 * re-measured at each step, as CPython's list iterator does), anything else through iter()/next().
 * Use with try-with-resources so the Python iterator is released:
 * <pre>
 *   try (Iter it = Iter.of(xs)) { PyObject x; while ((x = it.next()) != null) { ...; decref(x); } }
 * </pre>
 */
public final class Iter implements AutoCloseable {
    private final PyObject seq;
    private PyObject it;
    private int i;

    private Iter(PyObject seq, PyObject it) {
        this.seq = seq;
        this.it = it;
    }

    /** Starts iterating {@code o} (borrowed; it must outlive the Iter). */
    public static Iter of(PyObject o) {
        if ((o instanceof PyList l && l.type() == PyList.TYPE) || (o instanceof PyTuple t && t.type() == PyTuple.TYPE)) {
            return new Iter(o, null);
        }
        return new Iter(null, Ops.iter(o));
    }

    /** The next item as a new reference, or null when exhausted. */
    public PyObject next() {
        if (it != null) return Ops.next(it);
        if (seq instanceof PyList l) {
            if (i >= l.size) return null;
            return RefCount.newRef(l.items[i++]);
        }
        PyTuple t = (PyTuple) seq;
        if (i >= t.items.length) return null;
        return RefCount.newRef(t.items[i++]);
    }

    @Override
    public void close() {
        PyObject x = it;
        it = null;
        RefCount.xdecref(x);
    }
}
