package dev.gilt.runtime.thread;

import dev.gilt.runtime.object.PyObject;

/**
 * Per-thread interpreter state: the innermost running frame, the stack of exceptions being
 * handled (sys.exc_info), and the Python recursion depth. One per native thread that runs Gilt
 * code; reached through {@link #current()} or passed explicitly on hot paths.
 *
 * <p>Only the owning thread reads or writes these fields, except {@link #asyncExc} which other
 * threads may set (then they also raise the eval breaker).
 */
public final class ThreadState {
    private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(ThreadState::new);

    /** Innermost frame (an interpreter Frame), or null. */
    public Object frame;
    /**
     * The exception currently being handled, or null. Owned by the innermost exception slot
     * (this field, or the running generator's frame), as CPython's exc_info: PUSH_EXC_INFO moves
     * the previous value to the stack and stores a new reference; POP_EXCEPT moves it back.
     */
    public PyObject handledException;
    /** Python call depth, checked against sys.getrecursionlimit(). */
    public int recursionDepth;
    /** An exception another thread asked this one to raise (PyThreadState_SetAsyncExc), or null. */
    public volatile PyObject asyncExc;
    public final Thread thread = Thread.currentThread();

    public static int recursionLimit = 1000;

    public static ThreadState current() {
        return CURRENT.get();
    }
}
