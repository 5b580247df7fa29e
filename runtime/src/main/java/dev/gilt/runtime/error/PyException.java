package dev.gilt.runtime.error;

import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyType;

/**
 * The Java throwable that carries a Python exception object up the Java stack. It owns one
 * reference to {@link #exc}; whoever catches it and keeps the exception (the VM pushing it for a
 * handler) takes that reference over; code that catches and discards it should
 * {@code RefCount.decref(e.exc)} (forgetting is only a leak).
 *
 * <p>No Java stack trace is captured (Python tracebacks are built by the VM as frames unwind).
 */
public final class PyException extends RuntimeException {
    public final PyBaseException exc;

    public PyException(PyBaseException exc) {
        super(null, null, false, false);
        this.exc = exc;
    }

    public PyType type() {
        return exc.type();
    }

    /** True if the exception is an instance of {@code t} (or a subclass). */
    public boolean matches(PyType t) {
        return exc.type().isSubtypeOf(t);
    }

    @Override
    public String getMessage() {
        return exc.type().name() + ": " + exc.messageForJava();
    }
}
