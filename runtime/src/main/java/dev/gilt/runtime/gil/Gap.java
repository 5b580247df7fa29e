package dev.gilt.runtime.gil;

import dev.gilt.runtime.thread.ThreadState;

/**
 * A stretch of blocking Java code run without the GIL and detached (see
 * {@link GlobalLock#releaseWhileBlocking}). Closing it re-acquires the lock and re-attaches,
 * waiting for a stop-the-world in progress to end first. Closing twice does nothing. Used by the
 * thread that opened it only.
 */
public final class Gap implements AutoCloseable {
    /** The gap of a thread that held nothing and was not attached: closing does nothing. */
    static final Gap NONE = new Gap(null, null, false, false);

    private final GlobalLock lock;
    private final ThreadState ts;
    private final boolean reacquire;
    private final boolean reattach;
    private boolean closed;

    Gap(GlobalLock lock, ThreadState ts, boolean reacquire, boolean reattach) {
        this.lock = lock;
        this.ts = ts;
        this.reacquire = reacquire;
        this.reattach = reattach;
    }

    /** Whether the gap released the lock (and will take it back). */
    public boolean releasedLock() {
        return reacquire;
    }

    @Override
    public void close() {
        if (closed || ts == null) return;
        closed = true;
        // Lock first, attach second: waiting for the lock happens detached (GlobalLock invariant).
        if (reacquire) lock.acquire(ts);
        if (reattach) ts.attach();
    }
}
