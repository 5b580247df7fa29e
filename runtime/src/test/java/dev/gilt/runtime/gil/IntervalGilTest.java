package dev.gilt.runtime.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import dev.gilt.runtime.thread.Workers;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IntervalGilTest {
    @BeforeEach
    void clearBreaker() {
        EvalBreaker.clear(EvalBreaker.GIL_DROP_REQUEST);
    }

    @DisplayName("a waiter sets the drop request only after a whole switch interval")
    @Test
    void dropRequestAfterInterval() throws Exception {
        IntervalGil gil = new IntervalGil(Map.of("switchinterval", "0.2"));
        ThreadState ts = ThreadState.current();
        gil.acquire(ts);
        Workers w = new Workers();
        long started = System.nanoTime();
        w.start("waiter", () -> {
            ThreadState o = ThreadState.current();
            gil.release(o, gil.acquire(o));
            o.exit();
        });
        while (gil.waiters() == 0) Thread.sleep(1);
        Thread.sleep(50);
        if (EvalBreaker.isSet(EvalBreaker.GIL_DROP_REQUEST)) {
            // Only legitimate if a whole interval passed since the waiter could have started.
            assertTrue(System.nanoTime() - started >= 200_000_000L, "asked before its 200 ms interval");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!EvalBreaker.isSet(EvalBreaker.GIL_DROP_REQUEST) && System.nanoTime() < deadline) Thread.sleep(5);
        assertTrue(EvalBreaker.isSet(EvalBreaker.GIL_DROP_REQUEST));
        gil.yieldIfRequested(ts); // hands over; returns once the waiter took it and left
        assertTrue(ts.gilHeld);
        assertFalse(EvalBreaker.isSet(EvalBreaker.GIL_DROP_REQUEST), "the new holder clears the request");
        gil.release(ts, true);
        w.joinAll(20);
        assertEquals(1, gil.stats().total().dropRequests());
    }

    @DisplayName("forced switching: the dropping thread does not retake the lock before the waiter had it")
    @Test
    void forcedSwitching() throws Exception {
        IntervalGil gil = new IntervalGil(Map.of("switchinterval", "0.002"));
        AtomicBoolean waiterHad = new AtomicBoolean();
        AtomicInteger violations = new AtomicInteger();
        AtomicInteger yields = new AtomicInteger();
        CountDownLatch holding = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Workers w = new Workers();
        w.start("holder", () -> {
            ThreadState ts = ThreadState.current();
            gil.acquire(ts);
            holding.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!stop.get() && System.nanoTime() < deadline) {
                if (EvalBreaker.pending() != 0) {
                    long before = gil.switchCount();
                    gil.yieldIfRequested(ts);
                    if (gil.switchCount() != before) {
                        yields.incrementAndGet();
                        // Forced switching: when the yield returns, the waiter has had the lock.
                        if (!waiterHad.get()) violations.incrementAndGet();
                        waiterHad.set(false);
                    }
                }
            }
            gil.release(ts, true);
            ts.exit();
        });
        holding.await();
        w.start("waiter", () -> {
            ThreadState ts = ThreadState.current();
            for (int i = 0; i < 5; i++) {
                gil.acquire(ts);
                waiterHad.set(true);
                gil.release(ts, true);
                Thread.sleep(1);
            }
            stop.set(true);
            ts.exit();
        });
        w.joinAll(40);
        assertEquals(0, violations.get());
        assertTrue(yields.get() >= 1, "the holder should have been asked to switch");
        GilStats st = gil.stats();
        GilStats.Row holder = st.threads().stream().filter(r -> r.name().equals("holder")).findFirst().orElseThrow();
        assertTrue(holder.forcedSwitches() >= 1, st.format());
    }

    @DisplayName("without a waiter a drop request costs one release and retake, no wait")
    @Test
    void yieldWithoutWaiter() {
        IntervalGil gil = new IntervalGil();
        ThreadState ts = ThreadState.current();
        gil.acquire(ts);
        EvalBreaker.set(EvalBreaker.GIL_DROP_REQUEST);
        long t0 = System.nanoTime();
        gil.yieldIfRequested(ts);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1));
        assertTrue(ts.gilHeld);
        assertFalse(EvalBreaker.isSet(EvalBreaker.GIL_DROP_REQUEST));
        gil.release(ts, true);
    }
}
