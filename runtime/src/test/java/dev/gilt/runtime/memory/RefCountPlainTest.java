package dev.gilt.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.thread.ThreadState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The default policy of the test JVM (GIL on: plain), single-threaded. */
class RefCountPlainTest {
    static final class Fatal extends RuntimeException {
        Fatal(String m) {
            super(m);
        }
    }

    private RefCount.FatalHandler saved;
    private final List<String> fatals = new ArrayList<>();

    @BeforeEach
    void catchFatals() {
        saved = RefCount.fatalHandler;
        RefCount.fatalHandler = msg -> {
            fatals.add(msg);
            throw new Fatal(msg);
        };
    }

    @AfterEach
    void restore() {
        RefCount.fatalHandler = saved;
    }

    @DisplayName("the test JVM runs the default: GIL on, plain counts, not lab mode")
    @Test
    void defaults() {
        assertEquals("plain", RefCount.policyName());
        assertFalse(RefCount.LAB);
        assertNull(RefCount.labModeWarning());
        assertEquals(0, RefCount.ownerTag(), "owner tags are used by the biased policy only");
        assertTrue(RefCount.isPolicyName("biased") && !RefCount.isPolicyName("bogus"));
    }

    @DisplayName("counts go up and down; at zero the object is deallocated exactly once")
    @Test
    void lifecycle() {
        Probe p = new Probe();
        Probe child = new Probe();
        p.hold(child);
        RefCount.decref(child); // p holds the only reference now
        assertEquals(1, RefCount.count(p));
        RefCount.incref(p);
        RefCount.incref(p);
        assertEquals(3, RefCount.count(p));
        RefCount.decref(p);
        RefCount.decref(p);
        assertEquals(0, p.releases.get());
        RefCount.decref(p);
        assertEquals(1, p.releases.get());
        assertTrue(RefCount.isFreed(p));
        assertEquals(1, child.releases.get(), "the held reference died with its holder");
        assertTrue(RefCount.isFreed(child));
    }

    @DisplayName("touching a freed object is reported as a use-after-free")
    @Test
    void useAfterFree() {
        Probe p = new Probe();
        RefCount.decref(p);
        assertThrows(Fatal.class, () -> RefCount.incref(p));
        assertThrows(Fatal.class, () -> RefCount.decref(p));
        assertEquals(2, fatals.size());
        assertTrue(fatals.get(0).matches("use-after-free of <probe object at 0x[0-9a-f]+>"), fatals.get(0));
        assertEquals(1, p.releases.get(), "no second deallocation");
    }

    @DisplayName("a count driven below zero is reported as a negative refcount")
    @Test
    void negative() {
        Probe p = new Probe();
        p.refcnt = -1; // what a lost increment leaves behind
        assertThrows(Fatal.class, () -> RefCount.decref(p));
        assertTrue(fatals.get(0).startsWith("negative refcount (-2) of <probe object at 0x"), fatals.get(0));
    }

    @DisplayName("immortal objects never change and report CPython's number")
    @Test
    void immortal() {
        for (int i = 0; i < 10; i++) RefCount.decref(PyNone.NONE);
        RefCount.incref(PyNone.NONE);
        assertEquals(RefCount.IMMORTAL_REPORTED, RefCount.count(PyNone.NONE));
        assertTrue(fatals.isEmpty());
    }

    @DisplayName("merging queued objects is a no-op outside the biased policy")
    @Test
    void mergeNoop() {
        RefCount.mergeQueued(ThreadState.current());
        assertEquals(0, RefCount.queuedForMerge());
    }
}
