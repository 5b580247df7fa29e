package dev.gilt.runtime.gil;

import dev.gilt.runtime.thread.ThreadState;
import java.util.Arrays;

/**
 * One thread's counters for one lock, and its trace buffer under {@code -X giltrace}.
 *
 * <h2>Threading</h2>
 * Written only by the thread whose numbers these are (the lock implementation runs on that
 * thread: a waiter counts its own wait and its own drop requests, a holder its own hold). Other
 * threads read the fields for a snapshot without synchronisation: the numbers of a running thread
 * may be a few events old; after {@code Thread.join} (or at exit, when threads are stopped) they
 * are exact. Trace events are appended by the owner and read by the exit writer only after the
 * other threads are done or detached, so the buffer is not locked either.
 *
 * <h2>Trace buffer</h2>
 * Bounded ({@code gilt.giltrace.max} events per thread, default 250000); events past the bound
 * are counted in {@link #droppedEvents} and left out.
 */
public final class ThreadGilStats {
    /** Event kinds in the trace buffer. */
    static final byte HOLD = 0, WAIT = 1, DROP_REQUEST = 2, FORCED_SWITCH = 3;
    static final int MAX_EVENTS = Integer.getInteger("gilt.giltrace.max", 250_000);

    final ThreadState ts;
    final int threadId;
    long acquisitions;
    long holdNanos;
    long waitNanos;
    long dropRequests;
    long forcedSwitches;
    long yields;
    /** nanoTime when the current hold began (timing on), or 0 when not holding. */
    long holdStart;

    long[] evStart = new long[0];
    long[] evDur = new long[0];
    byte[] evKind = new byte[0];
    int evCount;
    long droppedEvents;

    ThreadGilStats(ThreadState ts) {
        this.ts = ts;
        this.threadId = ts.id;
    }

    void event(byte kind, long start, long dur) {
        if (evCount == evKind.length) {
            if (evCount >= MAX_EVENTS) {
                droppedEvents++;
                return;
            }
            int n = Math.min(MAX_EVENTS, Math.max(256, evCount * 2));
            evStart = Arrays.copyOf(evStart, n);
            evDur = Arrays.copyOf(evDur, n);
            evKind = Arrays.copyOf(evKind, n);
        }
        evStart[evCount] = start;
        evDur[evCount] = dur;
        evKind[evCount] = kind;
        evCount++;
    }

    /** A waiter asked the holder to drop the lock. Called on the waiter's thread. */
    public void countDropRequest() {
        dropRequests++;
        if (GilStats.TRACE) event(DROP_REQUEST, System.nanoTime(), 0);
    }

    String name() {
        return ts.name;
    }
}
