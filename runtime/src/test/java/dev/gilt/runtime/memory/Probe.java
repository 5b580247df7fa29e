package dev.gilt.runtime.memory;

import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;
import java.util.concurrent.atomic.AtomicInteger;

/** A container object for refcount tests: counts its deallocations, may hold one reference. */
public final class Probe extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("probe", Probe.class);

    /** Calls of releaseReferences (dealloc runs it exactly once per death). */
    public final AtomicInteger releases = new AtomicInteger();
    /** An owned reference, or null. */
    public volatile PyObject held;

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Stores {@code x} (increfs it). */
    public void hold(PyObject x) {
        RefCount.incref(x);
        held = x;
    }

    @Override
    public void releaseReferences() {
        releases.incrementAndGet();
        PyObject h = held;
        held = null;
        if (h != null) RefCount.decref(h);
    }

    @Override
    public void traverse(Visitor v) {
        PyObject h = held;
        if (h != null) v.visit(h);
    }
}
