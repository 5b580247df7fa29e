package dev.gilt.runtime.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.gil.NoGil;
import dev.gilt.runtime.object.PyList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EvalBreakerTest {
    private final Runnable savedSignals = EvalBreaker.signalHandler;
    private final Thread savedMain = EvalBreaker.mainThread;

    @AfterEach
    void restore() {
        EvalBreaker.signalHandler = savedSignals;
        EvalBreaker.mainThread = savedMain;
        EvalBreaker.clear(EvalBreaker.SIGNAL_PENDING | EvalBreaker.GC_REQUESTED | EvalBreaker.ASYNC_EXC);
    }

    @DisplayName("bits are independent and set/clear is idempotent")
    @Test
    void bits() {
        int all = EvalBreaker.GIL_DROP_REQUEST | EvalBreaker.SIGNAL_PENDING | EvalBreaker.GC_REQUESTED
                | EvalBreaker.ASYNC_EXC | EvalBreaker.STOP_THE_WORLD | EvalBreaker.MERGE_REFS;
        assertEquals(6, Integer.bitCount(all), "distinct bits");
        int before = EvalBreaker.pending();
        EvalBreaker.set(EvalBreaker.GC_REQUESTED);
        EvalBreaker.set(EvalBreaker.GC_REQUESTED);
        EvalBreaker.set(EvalBreaker.SIGNAL_PENDING);
        assertTrue(EvalBreaker.isSet(EvalBreaker.GC_REQUESTED));
        assertTrue(EvalBreaker.clear(EvalBreaker.GC_REQUESTED));
        assertFalse(EvalBreaker.clear(EvalBreaker.GC_REQUESTED), "the second clear claims nothing");
        assertTrue(EvalBreaker.isSet(EvalBreaker.SIGNAL_PENDING));
        EvalBreaker.clear(EvalBreaker.SIGNAL_PENDING);
        assertEquals(before, EvalBreaker.pending());
    }

    @DisplayName("concurrent set/clear of different bits never lose each other")
    @Test
    void concurrentBits() throws Exception {
        Workers w = new Workers();
        for (int t = 0; t < 4; t++) {
            int bit = 1 << (20 + t);
            w.start("bits-" + t, () -> {
                for (int i = 0; i < 20_000; i++) {
                    EvalBreaker.set(bit);
                    if (!EvalBreaker.isSet(bit)) throw new AssertionError("lost set");
                    EvalBreaker.clear(bit);
                    if (EvalBreaker.isSet(bit)) throw new AssertionError("lost clear");
                }
            });
        }
        w.joinAll(30);
    }

    @DisplayName("handle: GC once, signals only on the main thread, async exception returned once")
    @Test
    void handle() throws Exception {
        List<String> calls = new ArrayList<>();
        EvalBreaker.signalHandler = () -> calls.add("signals on " + Thread.currentThread().getName());
        ThreadState main = ThreadState.current();
        main.markMain();
        assertTrue(main.isMain());
        assertSame(main, ThreadState.main());
        NoGil gil = new NoGil();
        long gcBefore = dev.gilt.runtime.memory.Gc.collections();
        EvalBreaker.set(EvalBreaker.GC_REQUESTED);
        EvalBreaker.handle(main, gil);
        EvalBreaker.handle(main, gil);
        assertEquals(gcBefore + 1, dev.gilt.runtime.memory.Gc.collections());

        EvalBreaker.set(EvalBreaker.SIGNAL_PENDING);
        Workers w = new Workers();
        w.start("worker", () -> {
            assertFalse(ThreadState.current().isMain());
            EvalBreaker.handle(ThreadState.current(), gil);
        });
        w.joinAll(10);
        assertEquals(List.of(), calls, "a worker thread does not run signal handlers");
        EvalBreaker.handle(main, gil);
        EvalBreaker.handle(main, gil);
        assertEquals(List.of("signals on " + Thread.currentThread().getName()), calls);

        PyList exc = new PyList();
        main.setAsyncExc(exc);
        assertTrue(EvalBreaker.isSet(EvalBreaker.ASYNC_EXC));
        assertSame(exc, EvalBreaker.handle(main, gil));
        assertSame(null, EvalBreaker.handle(main, gil));
        assertFalse(EvalBreaker.isSet(EvalBreaker.ASYNC_EXC), "the bit is cleared once nobody has one");
        assertSame(null, main.asyncExc);
    }
}
