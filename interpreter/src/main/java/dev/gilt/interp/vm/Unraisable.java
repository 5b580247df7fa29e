package dev.gilt.interp.vm;

import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.ops.Ops;

/**
 * Errors that cannot be raised to anyone (a failing {@code __del__}, a generator's cleanup
 * during deallocation): printed to stderr as CPython's default {@code sys.unraisablehook} does.
 */
public final class Unraisable {
    private Unraisable() {}

    /** Where reports go; the sys module may redirect it to sys.unraisablehook. */
    public interface Hook {
        void report(PyBaseException exc, String message, PyObject obj);
    }

    public static volatile Hook hook = Unraisable::print;

    /** Reports {@code exc} (consumes the reference). */
    public static void report(PyBaseException exc, String message, PyObject obj) {
        try {
            hook.report(exc, message, obj);
        } catch (RuntimeException e) {
            // The hook itself failed: nothing sensible is left to report to.
        } finally {
            RefCount.decref(exc);
        }
    }

    static void print(PyBaseException exc, String message, PyObject obj) {
        StringBuilder sb = new StringBuilder(message);
        if (obj != null) {
            try {
                sb.append(Ops.reprString(obj));
            } catch (PyException e) {
                RefCount.decref(e.exc);
                sb.append("<object repr() failed>");
            }
        }
        sb.append('\n');
        sb.append(TracebackPrinter.format(exc));
        Output.stderr(sb.toString());
    }
}
