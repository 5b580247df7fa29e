package dev.gilt.runtime.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import dev.gilt.runtime.thread.Workers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FairGilTest {
    @BeforeEach
    void clearBreaker() {
        EvalBreaker.clear(EvalBreaker.GIL_DROP_REQUEST);
    }

    private static void awaitQueue(FairGil gil, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gil.queueLength() < n) {
            if (System.nanoTime() > deadline) throw new AssertionError("queue never reached " + n);
            Thread.sleep(1);
        }
    }

    @DisplayName("waiters get the lock in the order they queued")
    @Test
    void fifo() throws Exception {
        FairGil gil = new FairGil(Map.of("switchinterval", "10"));
        ThreadState ts = ThreadState.current();
        gil.acquire(ts);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Workers w = new Workers();
        for (int i = 1; i <= 4; i++) {
            String name = "w" + i;
            w.start(name, () -> {
                ThreadState o = ThreadState.current();
                gil.acquire(o);
                order.add(name);
                gil.release(o, true);
                o.exit();
            });
            awaitQueue(gil, i);
        }
        gil.release(ts, true);
        w.joinAll(20);
        assertEquals(List.of("w1", "w2", "w3", "w4"), order);
    }

    @DisplayName("a yielding holder goes to the back of the queue")
    @Test
    void yielderQueuesLast() throws Exception {
        FairGil gil = new FairGil(Map.of("switchinterval", "10"));
        ThreadState ts = ThreadState.current();
        gil.acquire(ts);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Workers w = new Workers();
        for (int i = 1; i <= 2; i++) {
            String name = "w" + i;
            w.start(name, () -> {
                ThreadState o = ThreadState.current();
                gil.acquire(o);
                order.add(name);
                gil.release(o, true);
                o.exit();
            });
            awaitQueue(gil, i);
        }
        EvalBreaker.set(EvalBreaker.GIL_DROP_REQUEST);
        gil.yieldIfRequested(ts);
        order.add("holder");
        gil.release(ts, true);
        w.joinAll(20);
        assertEquals(List.of("w1", "w2", "holder"), order);
        GilStats.Row me = gil.stats().threads().get(0);
        assertEquals(1, me.forcedSwitches());
    }

    @DisplayName("the queue head asks for a drop after a switch interval; hand-off follows")
    @Test
    void headRequestsDrop() throws Exception {
        FairGil gil = new FairGil(Map.of("switchinterval", "0.002"));
        ThreadState ts = ThreadState.current();
        gil.acquire(ts);
        Workers w = new Workers();
        w.start("w", () -> {
            ThreadState o = ThreadState.current();
            gil.release(o, gil.acquire(o));
            o.exit();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gil.stats().total().acquisitions() < 2 && System.nanoTime() < deadline) {
            if (EvalBreaker.pending() != 0) gil.yieldIfRequested(ts);
        }
        gil.release(ts, true);
        w.joinAll(20);
        GilStats st = gil.stats();
        assertTrue(st.total().dropRequests() >= 1, st.format());
    }
}
