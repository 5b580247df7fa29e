package dev.gilt.runtime.types;

import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.io.StdStreams;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.ops.Ops;

/**
 * Reporting an exception that cannot propagate (raised by {@code __del__}, a weakref callback, a
 * finalizer): CPython's PyErr_WriteUnraisable, which prints
 * <pre>
 * Exception ignored in: &lt;function A.__del__ at 0x...&gt;
 * Traceback (most recent call last):
 *   File "x.py", line 3, in __del__
 * ZeroDivisionError: division by zero
 * </pre>
 * to sys.stderr. The traceback lines come from {@link #formatter}, which the interpreter replaces
 * at start-up with its own traceback printer; the default prints only the last line.
 */
public final class Unraisable {
    private Unraisable() {}

    /** Formats an exception as CPython's traceback.print_exception would (ending in a newline). */
    @FunctionalInterface
    public interface Formatter {
        String format(PyBaseException exc);
    }

    public static volatile Formatter formatter = Unraisable::lastLine;

    /**
     * Where reports go. The interpreter may route them to its own reporter (sys.unraisablehook);
     * {@code message} is the first line's prefix ("Exception ignored in: "), {@code obj} the
     * object whose repr follows it (may be null). Must consume the exception's reference.
     */
    @FunctionalInterface
    public interface Reporter {
        void report(PyBaseException exc, String message, PyObject obj);
    }

    public static volatile Reporter reporter = null;

    /** {@code "ValueError: msg\n"} (or just the type name when str(exc) is empty). */
    public static String lastLine(PyBaseException exc) {
        String name = exc.type().name();
        String mod = TypeSlots.moduleName(exc.type());
        if (mod != null && !mod.equals("builtins") && !mod.equals("__main__")) name = mod + "." + TypeSlots.shortName(exc.type());
        String msg;
        try {
            msg = Ops.strString(exc);
        } catch (PyException e) {
            RefCount.decref(e.exc);
            msg = "<exception str() failed>";
        }
        return msg.isEmpty() ? name + "\n" : name + ": " + msg + "\n";
    }

    /** Prints "Exception ignored in: repr(where)" and the exception; consumes the exception's reference. */
    public static void report(PyObject where, PyException e) {
        report(where, e, null);
    }

    /** As {@link #report(PyObject, PyException)} with a custom first-line message (null for the default). */
    public static void report(PyObject where, PyException e, String message) {
        Reporter rep = reporter;
        if (rep != null) {
            rep.report(e.exc, message != null ? message : "Exception ignored in: ", message != null ? null : where);
            return;
        }
        StringBuilder sb = new StringBuilder();
        if (message != null) {
            sb.append(message).append('\n');
        } else {
            String r;
            try {
                r = where == null ? "None" : Ops.reprString(where);
            } catch (PyException re) {
                RefCount.decref(re.exc);
                r = "<object repr() failed>";
            }
            sb.append("Exception ignored in: ").append(r).append('\n');
        }
        try {
            sb.append(formatter.format(e.exc));
        } catch (RuntimeException fe) {
            sb.append(lastLine(e.exc));
        }
        try {
            StdStreams.writeErr(sb.toString());
        } catch (PyException we) {
            RefCount.decref(we.exc);
            System.err.print(sb);
        } finally {
            RefCount.decref(e.exc);
        }
    }
}
