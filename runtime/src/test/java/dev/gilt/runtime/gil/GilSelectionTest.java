package dev.gilt.runtime.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.thread.ChildJvm;
import dev.gilt.runtime.thread.ThreadState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GilSelectionTest {
    @DisplayName("the built-in designs and a class-path provider are selectable by name")
    @Test
    void names() {
        assertEquals(List.of("fair", "interval", "none", "test-spin", "ticks"), Gil.available());
        assertInstanceOf(NoGil.class, Gil.create("none", Map.of()));
        assertInstanceOf(NoGil.class, Gil.create("0", Map.of()));
        assertInstanceOf(IntervalGil.class, Gil.create("interval", Map.of()));
        assertInstanceOf(IntervalGil.class, Gil.create("1", Map.of()));
        assertInstanceOf(TicksGil.class, Gil.create("ticks", Map.of()));
        assertInstanceOf(FairGil.class, Gil.create("fair", Map.of()));
        GlobalLock spin = Gil.create("test-spin", Map.of());
        assertEquals("test-spin", spin.name());
        ThreadState ts = ThreadState.current();
        assertTrue(spin.acquire(ts));
        assertFalse(spin.acquire(ts));
        spin.release(ts, true);
        assertFalse(new NoGil().enabled());
        assertTrue(Gil.create("fair", Map.of()).enabled());
    }

    @DisplayName("options carry the switch and check intervals")
    @Test
    void options() {
        assertEquals(0.05, Gil.create("interval", Map.of("switchinterval", "0.05")).getSwitchInterval(), 1e-12);
        assertEquals(7, Gil.create("ticks", Map.of("checkinterval", "7")).getCheckInterval());
        assertThrows(IllegalArgumentException.class, () -> Gil.create("interval", Map.of("switchinterval", "-1")));
    }

    @DisplayName("an unknown name is a clear error listing what is available")
    @Test
    void unknown() {
        var e = assertThrows(Gil.UnknownGilException.class, () -> Gil.create("bogus", Map.of()));
        assertEquals("unknown GIL 'bogus' (available: fair, interval, none, test-spin, ticks)", e.getMessage());
        assertEquals("unknown GIL 'x' (available: fair, interval, none, ticks)",
                Gil.unknownMessage("x", List.of("fair", "interval", "none", "ticks")));
    }

    /** Child main: select the configured lock like the launcher, report what it got. */
    public static final class SelectMain {
        public static void main(String[] args) {
            Gil.exitIfUnknown();
            GlobalLock g = Gil.get();
            System.out.println("lock=" + g.name() + " enabled=" + g.enabled() + " gil_enabled=" + Gil.enabled()
                    + " interval=" + g.getSwitchInterval());
        }
    }

    /** Child main: a few acquisitions without -X gilstats. */
    public static final class StatsOffMain {
        public static void main(String[] args) {
            GlobalLock g = Gil.get();
            ThreadState ts = ThreadState.current();
            for (int i = 0; i < 10; i++) g.release(ts, g.acquire(ts));
            GilStats st = g.stats();
            System.out.println("timed=" + st.timed() + " acquisitions=" + st.total().acquisitions()
                    + " hold=" + st.total().holdNanos() + " wait=" + st.total().waitNanos());
            Gil.atExit(); // prints nothing without -X gilstats
        }
    }

    @DisplayName("without -X gilstats nothing is timed, counters still count, nothing is printed")
    @Test
    void statsOff() throws Exception {
        var r = ChildJvm.run(StatsOffMain.class, List.of("gilt.gil=interval"), List.of(), 60);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("timed=false acquisitions=10 hold=0 wait=0", r.out().strip());
        assertEquals("", r.err().strip());
    }

    @DisplayName("the launcher path: -X gil=NAME selects, an unknown name is fatal with status 1")
    @Test
    void launcherPath() throws Exception {
        var ok = ChildJvm.run(SelectMain.class, List.of("gilt.gil=fair", "gilt.switchinterval=0.01"), List.of(), 60);
        assertEquals(0, ok.exit(), ok.toString());
        assertEquals("lock=fair enabled=true gil_enabled=true interval=0.01", ok.out().strip());
        var off = ChildJvm.run(SelectMain.class, List.of("gilt.gil=0"), List.of(), 60);
        assertEquals("lock=none enabled=false gil_enabled=false interval=0.005", off.out().strip(), off.toString());
        var bad = ChildJvm.run(SelectMain.class, List.of("gilt.gil=bogus"), List.of(), 60);
        assertEquals(1, bad.exit(), bad.toString());
        assertEquals("Fatal Python error: unknown GIL 'bogus' (available: fair, interval, none, test-spin, ticks)",
                bad.err().strip());
    }
}
