package dev.gilt.runtime.gil;

import dev.gilt.runtime.thread.ThreadState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A decorator that checks the ownership rules of any {@link GlobalLock} (the asserting twin of
 * STYLE.md practice 8). Used in tests; every violation is recorded ({@link #violations()}) and
 * thrown as an {@link IllegalStateException} on the offending thread.
 *
 * <h2>Rules checked</h2>
 * <ul>
 *   <li>The thread state passed belongs to the calling thread.
 *   <li>Mutual exclusion: when the delegate reports a take, nobody else is the recorded owner.
 *   <li>No re-entry: a thread that holds the lock gets {@code false} from {@code acquire}; a
 *       delegate that reports a second take by the holder is caught.
 *   <li>No release by a non-owner; no {@code release(ts, true)} while nested acquires (that
 *       returned false) are still open on the same thread.
 *   <li>No Python work without the lock: {@link #assertHeld} at each simulated instruction.
 * </ul>
 *
 * <h2>Invariants</h2>
 * {@link #owner} is set after the delegate's take and cleared before its release (and around a
 * yield), so while the delegate holds the lock, {@code owner} names the holder or null, never a
 * thread that does not hold it.
 */
public final class CheckedGil implements GlobalLock {
    private final GlobalLock delegate;
    private final AtomicReference<ThreadState> owner = new AtomicReference<>();
    private final List<String> violations = new ArrayList<>();
    /** Nested acquires (that returned false) per thread; touched by the owning thread only. */
    private final ThreadLocal<int[]> nested = ThreadLocal.withInitial(() -> new int[1]);

    public CheckedGil(GlobalLock delegate) {
        this.delegate = delegate;
    }

    public GlobalLock delegate() {
        return delegate;
    }

    private void violation(String what) {
        synchronized (violations) {
            violations.add(what);
        }
        throw new IllegalStateException("GIL misuse: " + what);
    }

    /** Every violation seen so far, in order. */
    public List<String> violations() {
        synchronized (violations) {
            return new ArrayList<>(violations);
        }
    }

    private void checkThread(ThreadState ts, String op) {
        if (ts.thread != Thread.currentThread()) {
            violation(op + " with the thread state of " + ts.name + " on thread " + Thread.currentThread().getName());
        }
    }

    @Override
    public boolean acquire(ThreadState ts) {
        checkThread(ts, "acquire");
        boolean held = delegate.enabled() && owner.get() == ts;
        boolean took = delegate.acquire(ts);
        if (!delegate.enabled()) return took;
        if (held) {
            if (took) violation("re-entry: " + ts.name + " took the lock it already held");
            nested.get()[0]++;
            return false;
        }
        if (!took) violation("acquire by " + ts.name + " returned false but it did not hold the lock");
        if (!owner.compareAndSet(null, ts)) {
            ThreadState other = owner.get();
            violation("mutual exclusion: " + ts.name + " took the lock while " + (other == null ? "?" : other.name) + " held it");
        }
        return true;
    }

    @Override
    public void release(ThreadState ts, boolean wasAcquired) {
        checkThread(ts, "release");
        if (!delegate.enabled()) {
            delegate.release(ts, wasAcquired);
            return;
        }
        ThreadState o = owner.get();
        if (o != ts) {
            violation("release by non-owner " + ts.name + " (owner: " + (o == null ? "nobody" : o.name) + ")");
        }
        if (!wasAcquired) {
            int[] n = nested.get();
            if (n[0] <= 0) violation("unbalanced release(false) by " + ts.name);
            n[0]--;
            return;
        }
        if (nested.get()[0] != 0) violation("release by " + ts.name + " while " + nested.get()[0] + " nested acquire(s) are open");
        owner.compareAndSet(ts, null);
        delegate.release(ts, true);
    }

    @Override
    public void yieldIfRequested(ThreadState ts) {
        checkThread(ts, "yield");
        if (!delegate.enabled()) {
            delegate.yieldIfRequested(ts);
            return;
        }
        if (owner.get() != ts) violation("yield by non-owner " + ts.name);
        owner.compareAndSet(ts, null);
        delegate.yieldIfRequested(ts);
        if (!owner.compareAndSet(null, ts)) {
            ThreadState other = owner.get();
            violation("mutual exclusion after yield: " + ts.name + " retook the lock while " + (other == null ? "?" : other.name) + " held it");
        }
    }

    @Override
    public Gap releaseWhileBlocking(ThreadState ts) {
        checkThread(ts, "releaseWhileBlocking");
        // The default protocol, routed through this class's checked acquire/release.
        return GlobalLock.super.releaseWhileBlocking(ts);
    }

    /** Fails unless {@code ts} holds the lock: call before each simulated Python instruction. */
    public void assertHeld(ThreadState ts) {
        if (!delegate.enabled()) return;
        if (owner.get() != ts || !ts.gilHeld) violation("Python work by " + ts.name + " without the GIL");
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean enabled() {
        return delegate.enabled();
    }

    @Override
    public GilStats stats() {
        return delegate.stats();
    }

    @Override
    public double getSwitchInterval() {
        return delegate.getSwitchInterval();
    }

    @Override
    public void setSwitchInterval(double seconds) {
        delegate.setSwitchInterval(seconds);
    }

    @Override
    public int getCheckInterval() {
        return delegate.getCheckInterval();
    }

    @Override
    public void setCheckInterval(int n) {
        delegate.setCheckInterval(n);
    }
}
