package dev.gilt.runtime.types;

import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;

/**
 * The {@code __del__} hook ({@link RefCount#finalizer}): RefCount and the cycle collector call it
 * once per object whose class has a {@code __del__} (PEP 442), with the object temporarily alive.
 * An exception from {@code __del__} is printed as "Exception ignored in: ..." and dropped.
 */
final class Finalizers {
    private Finalizers() {}

    private static final PyStr DEL = PyStr.intern("__del__");

    static void finalizeObject(PyObject o) {
        PyObject del = o.type().lookup(DEL);
        if (del == null) return;
        RefCount.incref(del);
        try {
            PyObject r = Dunder.callDescr(del, o, new PyObject[0], null);
            RefCount.decref(r);
        } catch (PyException e) {
            Unraisable.report(del, e);
        } catch (StackOverflowError e) {
            // A runaway __del__ must not take the process down from inside a decref.
        } finally {
            RefCount.decref(del);
        }
    }
}
