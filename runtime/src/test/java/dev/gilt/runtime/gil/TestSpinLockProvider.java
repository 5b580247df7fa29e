package dev.gilt.runtime.gil;

import dev.gilt.runtime.thread.ThreadState;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A lock from "a user's jar": registered in the test class path's
 * META-INF/services/dev.gilt.runtime.gil.GlobalLockProvider, to show that providers are found by
 * name. A test-and-set lock with bounded spins then parking waits, built on AbstractGlobalLock.
 */
public final class TestSpinLockProvider implements GlobalLockProvider {
    @Override
    public String name() {
        return "test-spin";
    }

    @Override
    public GlobalLock create(Map<String, String> options) {
        return new SpinLock(options);
    }

    static final class SpinLock extends AbstractGlobalLock {
        private final AtomicReference<ThreadState> owner = new AtomicReference<>();

        SpinLock(Map<String, String> options) {
            super(options);
        }

        @Override
        public String name() {
            return "test-spin";
        }

        @Override
        protected void take(ThreadState ts, ThreadGilStats st) {
            int spins = 0;
            while (!owner.compareAndSet(null, ts)) {
                if (++spins < 100) {
                    Thread.onSpinWait();
                } else {
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000);
                }
            }
        }

        @Override
        protected void drop(ThreadState ts, boolean forSwitch) {
            owner.set(null);
        }
    }
}
