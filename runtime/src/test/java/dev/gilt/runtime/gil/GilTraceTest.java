package dev.gilt.runtime.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.thread.ChildJvm;
import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import dev.gilt.runtime.thread.Workers;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GilTraceTest {
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> events(String json) {
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(json);
        return (List<Map<String, Object>>) root.get("traceEvents");
    }

    @DisplayName("the mini JSON checker rejects broken JSON")
    @Test
    void checkerIsStrict() {
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\":1,}"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\":\"x\ny\"}"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("[1 2]"));
        assertEquals(List.of(1.0, "a\"b"), MiniJson.parse("[1, \"a\\\"b\"]"));
    }

    @DisplayName("the writer emits metadata, complete and instant events as valid JSON")
    @Test
    void writer() throws Exception {
        AtomicReference<ThreadState> other = new AtomicReference<>();
        Workers w = new Workers();
        w.start("odd \"name\"\t\\ é", () -> other.set(ThreadState.current()));
        w.joinAll(10);
        ThreadGilStats a = new ThreadGilStats(ThreadState.current());
        ThreadGilStats b = new ThreadGilStats(other.get());
        long t = GilStats.ORIGIN;
        a.event(ThreadGilStats.HOLD, t + 1_000, 5_000_000);
        b.event(ThreadGilStats.WAIT, t + 2_000, 4_000_000);
        b.event(ThreadGilStats.DROP_REQUEST, t + 3_000, 0);
        a.event(ThreadGilStats.FORCED_SWITCH, t + 5_001_000, 0);
        b.event(ThreadGilStats.HOLD, t + 5_002_000, 1_000);
        StringWriter out = new StringWriter();
        GilTrace.write(out, "interval", List.of(a, b));
        List<Map<String, Object>> ev = events(out.toString());
        assertEquals(1 + 2 + 5, ev.size(), out.toString());
        assertEquals("M", ev.get(1).get("ph"));
        assertEquals("thread_name", ev.get(1).get("name"));
        assertEquals("odd \"name\"\t\\ é", ((Map<?, ?>) ev.get(2).get("args")).get("name"));
        Map<String, Object> hold = ev.get(3);
        assertEquals("GIL held", hold.get("name"));
        assertEquals("X", hold.get("ph"));
        assertEquals(1.0, hold.get("ts"));
        assertEquals(5000.0, hold.get("dur"));
        assertEquals((double) ThreadState.current().id, hold.get("tid"));
        long instants = ev.stream().filter(e -> "i".equals(e.get("ph"))).count();
        assertEquals(2, instants);
        assertTrue(ev.stream().anyMatch(e -> "drop request".equals(e.get("name"))));
        assertTrue(ev.stream().anyMatch(e -> "forced switch".equals(e.get("name"))));
    }

    @DisplayName("the buffer is bounded and counts what it dropped")
    @Test
    void bounded() {
        ThreadGilStats a = new ThreadGilStats(ThreadState.current());
        int max = ThreadGilStats.MAX_EVENTS;
        for (int i = 0; i < max + 10; i++) a.event(ThreadGilStats.HOLD, GilStats.ORIGIN + i, 1);
        assertEquals(max, a.evCount);
        assertEquals(10, a.droppedEvents);
    }

    /** Child main: two threads contend for the configured lock for a while, then exit. */
    public static final class ContendMain {
        public static void main(String[] args) throws Exception {
            GlobalLock gil = Gil.get();
            Workers w = new Workers();
            for (int t = 0; t < 2; t++) {
                w.start("worker-" + t, () -> {
                    ThreadState ts = ThreadState.current();
                    boolean took = Gil.attach(ts);
                    long end = System.nanoTime() + 150_000_000L;
                    while (System.nanoTime() < end) {
                        if (EvalBreaker.pending() != 0) EvalBreaker.handle(ts);
                    }
                    Gil.detach(ts, took);
                    ts.exit();
                });
            }
            w.joinAll(30);
            System.out.println("done " + gil.name());
        }
    }

    @SuppressWarnings("unchecked")
    @DisplayName("-X giltrace and -X gilstats at exit: a Perfetto-ready trace and a table on stderr")
    @Test
    void endToEnd(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trace.json");
        var r = ChildJvm.run(ContendMain.class, List.of("gilt.gil=interval", "gilt.gilstats=true",
                "gilt.giltrace=" + file, "gilt.switchinterval=0.005"), List.of(), 90);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("GIL statistics: lock interval"), r.toString());
        assertTrue(r.err().contains("worker-0") && r.err().contains("worker-1") && r.err().contains("total"), r.toString());
        String json = Files.readString(file);
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(json);
        assertEquals(0.0, ((Map<String, Object>) root.get("otherData")).get("dropped_events"));
        List<Map<String, Object>> ev = (List<Map<String, Object>>) root.get("traceEvents");
        long names = ev.stream().filter(e -> "thread_name".equals(e.get("name"))).count();
        assertEquals(2, names, json.length() > 2000 ? json.substring(0, 2000) : json);
        List<Map<String, Object>> holds = ev.stream().filter(e -> "GIL held".equals(e.get("name"))).toList();
        // Two CPU-bound threads on a 5 ms interval switch about 30 times in 150 ms; at least once here.
        assertTrue(holds.size() >= 3, "holds: " + holds.size());
        for (Map<String, Object> h : holds) {
            assertEquals("X", h.get("ph"));
            assertTrue((Double) h.get("dur") >= 0 && (Double) h.get("ts") >= 0);
        }
        assertTrue(ev.stream().anyMatch(e -> "drop request".equals(e.get("name")) && "i".equals(e.get("ph"))));
        // Holds on one lock never overlap in time.
        List<double[]> spans = holds.stream().map(h -> new double[] {(Double) h.get("ts"), (Double) h.get("ts") + (Double) h.get("dur")})
                .sorted((x, y) -> Double.compare(x[0], y[0])).toList();
        for (int i = 1; i < spans.size(); i++) {
            assertTrue(spans.get(i)[0] >= spans.get(i - 1)[1] - 1.0, "holds overlap at " + spans.get(i)[0]);
        }
    }
}
