package dev.gilt.stdlib.io;

import dev.gilt.runtime.gil.Gil;
import dev.gilt.runtime.thread.ThreadState;
import dev.gilt.stdlib.util.Waits;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Thread safety of the buffered and text layers (CPython's per-object "buffered lock"), and the
 * GIL released around raw I/O.
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>Every public operation of a {@link PyTextIO} or {@link PyBuffered} that touches its
 *       buffers holds that object's lock; the lock is reentrant (text calls into its buffered
 *       layer, which has a lock of its own: locks are always taken top-down, text before
 *       buffered, so two threads never wait for each other in opposite orders).
 *   <li>A thread that finds the lock taken waits with the GIL released and detached
 *       ({@link Waits}): the holder may be inside raw I/O and need the GIL back to finish.
 *   <li>Raw reads and writes ({@link #io}) run with the GIL released; they touch Java buffers
 *       and channels only.
 * </ul>
 */
final class IoLock {
    private final ReentrantLock lock = new ReentrantLock();

    void lock() {
        if (lock.tryLock()) return;
        Waits.await(n -> {
            lock.lockInterruptibly();
            return true;
        }, -1);
    }

    void unlock() {
        lock.unlock();
    }

    /** A raw I/O call. */
    @FunctionalInterface
    interface RawCall {
        int run() throws IOException;
    }

    /** Runs a raw read or write with the GIL released (DESIGN.md: blocking work releases it). */
    static int io(RawCall call) throws IOException {
        try (var gap = Gil.get().releaseWhileBlocking(ThreadState.current())) {
            return call.run();
        }
    }
}
