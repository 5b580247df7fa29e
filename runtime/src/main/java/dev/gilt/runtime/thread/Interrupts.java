package dev.gilt.runtime.thread;

/**
 * Waking the main thread out of a blocking wait when a signal (Ctrl-C) arrives, so that
 * {@code time.sleep}, {@code lock.acquire}, {@code thread.join}, queue and condition waits raise
 * KeyboardInterrupt at once instead of after the wait, as CPython's do.
 *
 * <h2>Protocol and invariants</h2>
 * Java wakes a waiting thread with {@link Thread#interrupt()}, but an interrupt that reaches a
 * thread doing channel I/O closes the channel; so the main thread is interrupted <em>only</em>
 * while it is inside a wait that declared itself interruptible:
 * <ul>
 *   <li>{@link #enterWait()} and {@link #exitWait()} bracket such a wait on the main thread; the
 *       flag {@link #mainWaiting} changes only under {@link #LOCK}.
 *   <li>{@link #signalArrived()} (the signal handler's thread) interrupts the main thread only under
 *       {@link #LOCK} and only while the flag is set.
 *   <li>{@link #exitWait()} clears the flag under the lock and then clears the thread's interrupt
 *       status, so no interrupt delivered for a wait outlives it.
 * </ul>
 * Other threads' waits are not interrupted: signals are delivered to the main thread only.
 */
public final class Interrupts {
    private Interrupts() {}

    private static final Object LOCK = new Object();
    /** The main thread is inside an interruptible wait. Guarded by {@link #LOCK}. */
    private static boolean mainWaiting;

    /** Called by the signal handler after it set {@link EvalBreaker#SIGNAL_PENDING}. */
    public static void signalArrived() {
        synchronized (LOCK) {
            Thread m = EvalBreaker.mainThread;
            if (mainWaiting && m != null) m.interrupt();
        }
    }

    /**
     * Enters an interruptible wait; returns true if this is the main thread (then call
     * {@link #exitWait()} after the wait). A signal already pending interrupts at once.
     */
    public static boolean enterWait() {
        Thread t = Thread.currentThread();
        if (t != EvalBreaker.mainThread) return false;
        synchronized (LOCK) {
            mainWaiting = true;
            if (EvalBreaker.isSet(EvalBreaker.SIGNAL_PENDING)) t.interrupt();
        }
        return true;
    }

    /** Leaves the wait entered by {@link #enterWait()} and clears any interrupt it delivered. */
    public static void exitWait() {
        synchronized (LOCK) {
            mainWaiting = false;
        }
        Thread.interrupted();
    }
}
