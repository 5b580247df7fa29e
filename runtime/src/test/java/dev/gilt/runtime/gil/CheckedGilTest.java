package dev.gilt.runtime.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.thread.ThreadState;
import dev.gilt.runtime.thread.Workers;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CheckedGilTest {
    /** A deliberately broken lock: never blocks, so it lets two threads in. */
    static final class SieveLock extends NoGilLike {
        @Override
        public boolean acquire(ThreadState ts) {
            ts.gilHeld = true;
            return true;
        }

        @Override
        public void release(ThreadState ts, boolean wasAcquired) {
            if (wasAcquired) ts.gilHeld = false;
        }
    }

    /** Base for hand-written test locks: enabled, no stats. */
    abstract static class NoGilLike implements GlobalLock {
        @Override
        public void yieldIfRequested(ThreadState ts) {}

        @Override
        public String name() {
            return "sieve";
        }

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public GilStats stats() {
            return new GilStats(name(), true, 0.005, 0, List.of());
        }

        @Override
        public double getSwitchInterval() {
            return 0.005;
        }

        @Override
        public void setSwitchInterval(double seconds) {}
    }

    @DisplayName("correct nested use passes without violations")
    @Test
    void nestedUseIsFine() {
        CheckedGil gil = new CheckedGil(new IntervalGil());
        ThreadState ts = ThreadState.current();
        boolean outer = gil.acquire(ts);
        gil.assertHeld(ts);
        boolean inner = gil.acquire(ts);
        assertTrue(outer);
        assertFalse(inner);
        gil.release(ts, inner);
        gil.assertHeld(ts);
        gil.release(ts, outer);
        assertEquals(List.of(), gil.violations());
    }

    @DisplayName("Python work without the lock is caught")
    @Test
    void workWithoutLock() {
        CheckedGil gil = new CheckedGil(new IntervalGil());
        ThreadState ts = ThreadState.current();
        assertThrows(IllegalStateException.class, () -> gil.assertHeld(ts));
        assertTrue(gil.violations().get(0).contains("without the GIL"), gil.violations().toString());
    }

    @DisplayName("a release by a thread that does not hold the lock is caught")
    @Test
    void releaseByNonOwner() throws Exception {
        CheckedGil gil = new CheckedGil(new IntervalGil());
        ThreadState ts = ThreadState.current();
        gil.acquire(ts);
        AtomicReference<Throwable> caught = new AtomicReference<>();
        Workers w = new Workers();
        w.start("intruder", () -> {
            ThreadState o = ThreadState.current();
            try {
                gil.release(o, true);
            } catch (IllegalStateException e) {
                caught.set(e);
            }
            o.exit();
        });
        w.joinAll(10);
        assertTrue(caught.get() != null && caught.get().getMessage().contains("release by non-owner"), String.valueOf(caught.get()));
        assertTrue(ts.gilHeld, "the owner still holds it");
        gil.release(ts, true);
    }

    @DisplayName("using another thread's state is caught")
    @Test
    void foreignThreadState() throws Exception {
        CheckedGil gil = new CheckedGil(new IntervalGil());
        AtomicReference<ThreadState> other = new AtomicReference<>();
        Workers w = new Workers();
        w.start("other", () -> other.set(ThreadState.current()));
        w.joinAll(10);
        assertThrows(IllegalStateException.class, () -> gil.acquire(other.get()));
        assertTrue(gil.violations().get(0).contains("thread state of other"), gil.violations().toString());
    }

    @DisplayName("a lock that lets two threads in is caught (mutual exclusion)")
    @Test
    void twoHolders() throws Exception {
        CheckedGil gil = new CheckedGil(new SieveLock());
        ThreadState ts = ThreadState.current();
        assertTrue(gil.acquire(ts));
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> caught = new AtomicReference<>();
        Workers w = new Workers();
        w.start("second", () -> {
            ThreadState o = ThreadState.current();
            try {
                gil.acquire(o);
            } catch (IllegalStateException e) {
                caught.set(e);
            }
            o.gilHeld = false;
            done.countDown();
        });
        w.joinAll(10);
        assertTrue(caught.get() != null && caught.get().getMessage().contains("mutual exclusion"), String.valueOf(caught.get()));
        gil.release(ts, true);
    }

    @DisplayName("a lock that lets its holder take it twice is caught (re-entry)")
    @Test
    void reentry() {
        CheckedGil gil = new CheckedGil(new SieveLock());
        ThreadState ts = ThreadState.current();
        assertTrue(gil.acquire(ts));
        assertThrows(IllegalStateException.class, () -> gil.acquire(ts));
        assertTrue(gil.violations().get(0).contains("re-entry"), gil.violations().toString());
        ts.gilHeld = false;
    }

    @DisplayName("release(true) while a nested acquire is open is caught")
    @Test
    void releaseWithNestedOpen() {
        CheckedGil gil = new CheckedGil(new IntervalGil());
        ThreadState ts = ThreadState.current();
        boolean outer = gil.acquire(ts);
        boolean inner = gil.acquire(ts);
        assertFalse(inner);
        assertThrows(IllegalStateException.class, () -> gil.release(ts, outer));
        assertTrue(gil.violations().get(0).contains("nested"), gil.violations().toString());
        gil.delegate().release(ts, true);
    }
}
