package dev.gilt.runtime.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThreadStateTest {
    @DisplayName("one state per thread, small distinct ids equal to the owner tag of the Java thread")
    @Test
    void ids() throws Exception {
        Set<Integer> ids = ConcurrentHashMap.newKeySet();
        Workers w = new Workers();
        for (int i = 0; i < 8; i++) {
            w.start("ids-" + i, () -> {
                ThreadState ts = ThreadState.current();
                assertSame(ts, ThreadState.current());
                assertEquals(ThreadState.tagOf(Thread.currentThread()), ts.id);
                assertTrue(ts.id > 0);
                assertEquals(Thread.currentThread().getName(), ts.name);
                ids.add(ts.id);
                ts.exit();
            });
        }
        w.joinAll(20);
        assertEquals(8, ids.size());
        assertNotEquals(0, ThreadState.current().id);
    }

    @DisplayName("the registry lists live states; exit and death remove them")
    @Test
    void registry() throws Exception {
        CountDownLatch registered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<ThreadState> a = new AtomicReference<>();
        AtomicReference<ThreadState> b = new AtomicReference<>();
        Workers w = new Workers();
        w.start("exits", () -> {
            a.set(ThreadState.current());
            registered.countDown();
            release.await();
            a.get().exit();
        });
        w.start("dies", () -> b.set(ThreadState.current())); // ends without exit()
        registered.await();
        assertSame(a.get(), ThreadState.byId(a.get().id));
        assertTrue(ThreadState.all().contains(a.get()));
        release.countDown();
        w.joinAll(10);
        assertNull(ThreadState.byId(a.get().id));
        assertTrue(a.get().hasExited());
        assertFalse(ThreadState.all().contains(b.get()), "dead thread reaped");
        assertNull(ThreadState.byId(b.get().id));
        assertTrue(ThreadState.isDeadOwner(b.get()));
        assertTrue(ThreadState.isDeadOwner(null));
        assertFalse(ThreadState.isDeadOwner(ThreadState.current()));
    }

    @DisplayName("attach and detach toggle the state; detachIfAttached reports what it did")
    @Test
    void attachDetach() {
        ThreadState ts = ThreadState.current();
        assertFalse(ts.isAttached());
        assertFalse(ts.detachIfAttached());
        ts.attach();
        assertTrue(ts.isAttached());
        assertTrue(ts.detachIfAttached());
        assertFalse(ts.isAttached());
    }
}
