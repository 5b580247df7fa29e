package dev.gilt.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Threads end to end (issue 3): stress programs on shared containers with the GIL on and off,
 * the refcount policies' exactness (and the lab mode's failure), the labs and seed programs,
 * and what researchers see (sys._gil_stats, -X gilstats, -X giltrace).
 *
 * <p>Every program runs in its own Gilt JVM with a time limit, so a deadlock fails the test
 * instead of hanging the build. A run "crashed" when stderr shows a Java exception, an internal
 * error or a fatal error.
 */
class ThreadsTest {
    private static final long LIMIT_SECONDS = 120;
    private static final Pattern CRASH = Pattern.compile(
            "SystemError|internal error|Fatal Python error|Exception in thread \"|java\\.lang\\.|\\tat dev\\.gilt");

    record Run(String out, String err, int exit) {
        boolean crashed() {
            return CRASH.matcher(err).find();
        }

        String describe() {
            return "exit " + exit + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    /** Runs Gilt on {@code program} in {@code dir} with {@code options}; fails on timeout. */
    static Run gilt(Path dir, Path program, List<String> options, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(GoldenTest.giltCommand());
        cmd.addAll(options);
        cmd.add(program.toString());
        cmd.addAll(List.of(args));
        Path outF = Files.createTempFile("gilt-threads", ".out");
        Path errF = Files.createTempFile("gilt-threads", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(outF.toFile()).redirectError(errF.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().remove("PYTHON_GIL");
            Process p = pb.start();
            if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("timed out (deadlock?) after " + LIMIT_SECONDS + " s: " + cmd
                        + "\n--- stdout:\n" + Files.readString(outF) + "\n--- stderr:\n" + Files.readString(errF));
            }
            return new Run(Files.readString(outF, StandardCharsets.UTF_8), Files.readString(errF, StandardCharsets.UTF_8),
                    p.exitValue());
        } finally {
            Files.deleteIfExists(outF);
            Files.deleteIfExists(errF);
        }
    }

    static Run script(Path tmp, String source, String... options) throws IOException, InterruptedException {
        Path p = tmp.resolve("prog.py");
        Files.writeString(p, source);
        return gilt(tmp, p, List.of(options));
    }

    static Stream<Arguments> gilModes() {
        return Stream.of(Arguments.of("gil=1"), Arguments.of("gil=0"));
    }

    @Nested
    @DisplayName("shared containers under many threads")
    class Stress {
        @TempDir
        Path tmp;

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.gilt.tests.ThreadsTest#gilModes")
        @DisplayName("appends to one list are never lost and never throw")
        void appends(String mode) throws Exception {
            Run r = script(tmp, """
                    import threading
                    T, N = 8, 20000
                    shared = []
                    def work():
                        for i in range(N):
                            shared.append(i)
                    ts = [threading.Thread(target=work) for _ in range(T)]
                    for t in ts: t.start()
                    for t in ts: t.join()
                    print(len(shared), T * N, sum(shared) == T * sum(range(N)))
                    """, "-X", mode);
            assertFalse(r.crashed(), r.describe());
            assertEquals("160000 160000 True\n", r.out(), r.describe());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.gilt.tests.ThreadsTest#gilModes")
        @DisplayName("updates of one dict (distinct and shared keys) are never lost")
        void dictUpdates(String mode) throws Exception {
            Run r = script(tmp, """
                    import threading
                    T, N = 8, 10000
                    d = {}
                    def work(k):
                        for i in range(N):
                            d[(k, i)] = i
                            d["shared"] = i
                            d.get((k, i - 1))
                            d.setdefault(i % 64, k)
                            if i % 5 == 0:
                                d.pop((k, i - 3), None)
                    ts = [threading.Thread(target=work, args=(k,)) for k in range(T)]
                    for t in ts: t.start()
                    for t in ts: t.join()
                    removed = T * len([i for i in range(N) if i % 5 == 0 and i >= 3])
                    print(len(d) == T * N - removed + 1 + 64, d["shared"] == N - 1)
                    """, "-X", mode);
            assertFalse(r.crashed(), r.describe());
            assertEquals("True True\n", r.out(), r.describe());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.gilt.tests.ThreadsTest#gilModes")
        @DisplayName("iterating while other threads mutate raises at most Python errors")
        void iterateWhileMutating(String mode) throws Exception {
            Run r = script(tmp, """
                    import threading
                    lst, d, s = list(range(100)), {i: i for i in range(100)}, set(range(100))
                    stop = False
                    def mutate(k):
                        i = 0
                        while not stop:
                            lst.append(i); lst.pop(0)
                            d[i % 300] = i; d.pop((i * 7) % 300, None)
                            s.add(i % 300); s.discard((i * 5) % 300)
                            if i % 1000 == 0:
                                lst.sort(); lst.reverse(); lst[10:15] = [k] * 5
                            i += 1
                    python_errors = 0
                    def read():
                        global python_errors
                        for _ in range(300):
                            for c in (lst, d, s, d.items(), d.values()):
                                try:
                                    for x in c: pass
                                except RuntimeError:
                                    python_errors += 1
                            try:
                                lst[len(lst) // 2]; repr(lst[:5]); sorted(s.copy()); dict(d); list(lst)
                                50 in lst; 50 in d; 50 in s; lst.count(3); lst == lst[:]
                            except (IndexError, RuntimeError):
                                python_errors += 1
                    ms = [threading.Thread(target=mutate, args=(k,)) for k in range(2)]
                    rs = [threading.Thread(target=read) for _ in range(3)]
                    for t in ms + rs: t.start()
                    for t in rs: t.join()
                    stop = True
                    for t in ms: t.join()
                    print("done", len(lst) >= 90)
                    """, "-X", mode);
            assertFalse(r.crashed(), r.describe());
            assertEquals(0, r.exit(), r.describe());
            assertEquals("done True\n", r.out(), r.describe());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.gilt.tests.ThreadsTest#gilModes")
        @DisplayName("globals and attributes rebound by many threads never use a freed object")
        void reboundValues(String mode) throws Exception {
            Run r = script(tmp, """
                    import threading
                    class Box: pass
                    box = Box()
                    box.v = 1000
                    g = 1000
                    def work(k):
                        global g
                        for i in range(20000):
                            g = g + 1000          # a fresh int each time, the old one dropped
                            box.v = box.v + 1000
                            x = g, box.v
                    ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
                    for t in ts: t.start()
                    for t in ts: t.join()
                    print(g > 1000, box.v > 1000)
                    """, "-X", mode);
            assertFalse(r.crashed(), r.describe());
            assertEquals("True True\n", r.out(), r.describe());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.gilt.tests.ThreadsTest#gilModes")
        @DisplayName("print from many threads: every line whole, none lost")
        void prints(String mode) throws Exception {
            Run r = script(tmp, """
                    import threading
                    def w(k):
                        for i in range(2000):
                            print("thread", k, "line", i)
                    ts = [threading.Thread(target=w, args=(k,)) for k in range(4)]
                    for t in ts: t.start()
                    for t in ts: t.join()
                    """, "-X", mode);
            assertFalse(r.crashed(), r.describe());
            String[] lines = r.out().split("\n");
            assertEquals(8000, lines.length);
            for (String l : lines) assertTrue(l.matches("thread [0-3] line \\d+"), l);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.gilt.tests.ThreadsTest#gilModes")
        @DisplayName("gc.collect() while threads allocate cycles stays correct")
        void collectWhileRunning(String mode) throws Exception {
            Run r = script(tmp, """
                    import gc, threading, time
                    stop = False
                    made = [0]
                    def churn():
                        while not stop:
                            a = []; b = [a]; a.append(b)   # a cycle, garbage at once
                            made[0] += 1
                    ts = [threading.Thread(target=churn) for _ in range(3)]
                    for t in ts: t.start()
                    found = 0
                    for _ in range(20):
                        # let the churners run first: with a GIL the main thread could
                        # otherwise collect twenty times before any of them is scheduled
                        seen = made[0]
                        while made[0] < seen + 100:
                            time.sleep(0.001)
                        found += gc.collect()
                    stop = True
                    for t in ts: t.join()
                    gc.collect()
                    print(found > 0, made[0] > 0)
                    """, "-X", mode);
            assertFalse(r.crashed(), r.describe());
            assertEquals("True True\n", r.out(), r.describe());
        }
    }

    @Nested
    @DisplayName("refcount policies")
    class Policies {
        @TempDir
        Path tmp;

        Path lab(String name) {
            return GoldenTest.repoRoot().resolve("samples").resolve("labs").resolve(name);
        }

        @ParameterizedTest(name = "gil=0 refcount={0}")
        @ValueSource(strings = {"atomic", "biased"})
        @DisplayName("atomic and biased counts are exact without a GIL (refcount_race lab)")
        void exactWithoutGil(String policy) throws Exception {
            Path p = lab("refcount_race.py");
            Run r = gilt(p.getParent(), p, List.of("-X", "gil=0", "-X", "refcount=" + policy), "300000");
            assertFalse(r.crashed(), r.describe());
            assertTrue(r.out().contains("exact: no increment or decrement was lost"), r.describe());
            assertTrue(r.out().contains("GIL enabled: False"), r.describe());
        }

        @ParameterizedTest(name = "gil=1 refcount={0}")
        @ValueSource(strings = {"plain", "atomic", "biased"})
        @DisplayName("every policy is exact with the GIL on")
        void exactWithGil(String policy) throws Exception {
            Path p = lab("refcount_race.py");
            Run r = gilt(p.getParent(), p, List.of("-X", "gil=1", "-X", "refcount=" + policy), "100000");
            assertFalse(r.crashed(), r.describe());
            assertTrue(r.out().contains("exact: no increment or decrement was lost"), r.describe());
        }

        @Test
        @DisplayName("the lab mode (gil=0, plain, widened race) fails visibly, every time")
        void labModeRaces() throws Exception {
            Path p = lab("refcount_race.py");
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                Run r = gilt(p.getParent(), p, List.of("-X", "gil=0", "-X", "refcount=plain", "-X", "refrace=widen"));
                double secs = (System.nanoTime() - t0) / 1e9;
                assertTrue(r.err().startsWith("gilt: warning: free-threaded mode with the plain refcount policy"), r.describe());
                boolean fatal = r.err().contains("Fatal Python error: use-after-free of <list object at 0x")
                        || r.err().contains("Fatal Python error: negative refcount");
                boolean drift = r.out().contains("LEAK:") || r.out().contains("UNDERCOUNT:");
                assertTrue(fatal || drift, "run " + i + " showed no race:\n" + r.describe());
                if (fatal) assertEquals(134, r.exit(), r.describe());
                assertTrue(secs < 60, "took " + secs + " s");
            }
        }

        /**
         * Property: for any small number of threads and rounds, a shared object's count ends where
         * it started under atomic and biased counting with the GIL off.
         */
        @Test
        @DisplayName("property: atomic/biased exact for generated thread and round counts")
        void exactProperty() {
            qt().withExamples(4).withShrinkCycles(0)
                    .forAll(integers().between(2, 6), integers().between(1000, 60000), integers().between(0, 1))
                    .checkAssert((threads, rounds, which) -> {
                        String policy = which == 0 ? "atomic" : "biased";
                        try {
                            Run r = script(tmp, """
                                    import sys, threading
                                    T, R = %d, %d
                                    obj = object()
                                    shared = [obj]
                                    before = sys.getrefcount(obj)
                                    def churn():
                                        for _ in range(R):
                                            a = obj; b = shared[0]; c = (a, b); del a, b, c
                                    ts = [threading.Thread(target=churn) for _ in range(T)]
                                    for t in ts: t.start()
                                    for t in ts: t.join()
                                    print(sys.getrefcount(obj) - before)
                                    """.formatted(threads, rounds), "-X", "gil=0", "-X", "refcount=" + policy);
                            assertFalse(r.crashed(), r.describe());
                            assertEquals("0\n", r.out(), policy + " T=" + threads + " R=" + rounds + "\n" + r.describe());
                        } catch (IOException | InterruptedException e) {
                            throw new AssertionError(e);
                        }
                    });
        }
    }

    @Nested
    @DisplayName("labs and seeds")
    class Samples {
        @Test
        @DisplayName("io_threads: ten 0.2 s sleeps overlap (GIL on and off)")
        void ioThreads() throws Exception {
            Path p = GoldenTest.repoRoot().resolve("samples/labs/io_threads.py");
            for (String mode : List.of("gil=1", "gil=0")) {
                Run r = gilt(p.getParent(), p, List.of("-X", mode));
                assertFalse(r.crashed(), r.describe());
                var m = Pattern.compile("took ([0-9.]+) s").matcher(r.out());
                assertTrue(m.find(), r.describe());
                assertTrue(Double.parseDouble(m.group(1)) < 1.5, "sleeps did not overlap: " + r.describe());
            }
        }

        @Test
        @DisplayName("lost_updates: the Lock version is exact in both modes")
        void lostUpdates() throws Exception {
            Path p = GoldenTest.repoRoot().resolve("samples/labs/lost_updates.py");
            for (String mode : List.of("gil=1", "gil=0")) {
                Run r = gilt(p.getParent(), p, List.of("-X", mode), "20000");
                assertFalse(r.crashed(), r.describe());
                assertTrue(r.out().contains("with a Lock    : expected 80000, got 80000 (0 updates lost)"), r.describe());
            }
        }

        @Test
        @DisplayName("cpu_scaling runs in both modes")
        void cpuScaling() throws Exception {
            Path p = GoldenTest.repoRoot().resolve("samples/labs/cpu_scaling.py");
            for (String mode : List.of("gil=1", "gil=0")) {
                Run r = gilt(p.getParent(), p, List.of("-X", mode), "200000");
                assertFalse(r.crashed(), r.describe());
                assertTrue(r.out().contains("4 thread(s):"), r.describe());
            }
        }

        @Test
        @DisplayName("threading seed programs without an expected output run without error")
        void seedsRun() throws Exception {
            Path dir = GoldenTest.repoRoot().resolve("samples/seeds");
            List<Path> progs;
            try (Stream<Path> s = Files.list(dir)) {
                progs = s.filter(p -> p.getFileName().toString().startsWith("thread") && p.toString().endsWith(".py"))
                        .filter(p -> !Files.exists(GoldenTest.sibling(p, ".out")))
                        .sorted().toList();
            }
            assertFalse(progs.isEmpty());
            for (Path p : progs) {
                Run r = gilt(dir, p.getFileName(), List.of());
                assertEquals(0, r.exit(), p + "\n" + r.describe());
                assertEquals("", r.err(), p + "\n" + r.describe());
            }
        }
    }

    @Nested
    @DisplayName("GIL options, statistics and traces")
    class Options {
        @TempDir
        Path tmp;

        static final String TWO_THREADS = """
                import sys, threading
                def spin():
                    s = 0
                    for i in range(300000):
                        s += i
                ts = [threading.Thread(target=spin) for _ in range(2)]
                for t in ts: t.start()
                for t in ts: t.join()
                """;

        @Test
        @DisplayName("sys._gil_stats() is a dict with totals and one row per thread")
        void gilStatsDict() throws Exception {
            Run r = script(tmp, TWO_THREADS + """
                    st = sys._gil_stats()
                    print(sorted(st))
                    print(st["lock"], st["enabled"], type(st["threads"]).__name__, sorted(st["totals"]))
                    print(st["totals"]["acquisitions"] >= 3, sys._is_gil_enabled())
                    """);
            assertFalse(r.crashed(), r.describe());
            assertEquals("""
                    ['enabled', 'lock', 'switch_interval', 'threads', 'timed', 'totals', 'wall_time']
                    interval True list ['acquisitions', 'drop_requests', 'forced_switches', 'hold_time', 'wait_time', 'yields']
                    True True
                    """, r.out(), r.describe());
        }

        @Test
        @DisplayName("-X gilstats prints the table at exit; -X giltrace writes Chrome trace JSON")
        void statsAndTrace() throws Exception {
            Path trace = tmp.resolve("trace.json");
            Run r = script(tmp, TWO_THREADS, "-X", "gilstats", "-X", "giltrace=" + trace);
            assertFalse(r.crashed(), r.describe());
            assertTrue(r.err().contains("GIL statistics: lock interval"), r.describe());
            assertTrue(r.err().contains("MainThread"), r.describe());
            assertTrue(r.err().contains("Thread-1"), r.describe());
            String json = Files.readString(trace);
            assertTrue(json.contains("\"traceEvents\"") && json.contains("GIL held"), json.substring(0, Math.min(400, json.length())));
        }

        @Test
        @DisplayName("switch interval and check interval reach the lock; PYTHON_GIL-style names work")
        void intervals() throws Exception {
            Run r = script(tmp, """
                    import sys
                    print(sys.getswitchinterval())
                    sys.setswitchinterval(0.001)
                    print(sys.getswitchinterval(), sys._gil_stats()["switch_interval"])
                    sys.setcheckinterval(50)
                    print(sys.getcheckinterval())
                    try:
                        sys.setswitchinterval(0)
                    except ValueError as e:
                        print(e)
                    """, "-X", "gil=ticks", "-X", "switchinterval=0.002");
            assertFalse(r.crashed(), r.describe());
            assertEquals("0.002\n0.001 0.001\n50\nswitch interval must be strictly positive\n", r.out(), r.describe());
            for (String g : List.of("fair", "ticks", "interval", "none")) {
                Run q = script(tmp, TWO_THREADS + "print(sys._gil_stats()['lock'])\n", "-X", "gil=" + g);
                assertFalse(q.crashed(), q.describe());
                assertEquals(g + "\n", q.out(), q.describe());
            }
        }

        @Test
        @DisplayName("an unknown lock name stops before running anything")
        void unknownGil() throws Exception {
            Run r = script(tmp, "print('ran')\n", "-X", "gil=nosuch");
            assertEquals(1, r.exit(), r.describe());
            assertEquals("", r.out());
            assertTrue(r.err().startsWith("Fatal Python error: unknown GIL 'nosuch' (available: fair, interval, none, ticks"),
                    r.describe());
        }

        @Test
        @DisplayName("Ctrl-C reaches the main thread as KeyboardInterrupt while it waits in join()")
        void ctrlC() throws Exception {
            Path p = tmp.resolve("wait.py");
            Files.writeString(p, """
                    import threading, time, sys
                    t = threading.Thread(target=time.sleep, args=(60,), daemon=True)
                    t.start()
                    print("ready", flush=True)
                    try:
                        t.join()
                    except KeyboardInterrupt:
                        print("KeyboardInterrupt", flush=True)
                    """);
            List<String> cmd = new ArrayList<>(GoldenTest.giltCommand());
            cmd.add(p.toString());
            Process proc = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).start();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(proc.getInputStream()));
            assertEquals("ready", in.readLine());
            Thread.sleep(300);
            new ProcessBuilder("kill", "-INT", Long.toString(proc.pid())).start().waitFor();
            boolean done = proc.waitFor(20, TimeUnit.SECONDS);
            if (!done) proc.destroyForcibly();
            assertTrue(done, "the main thread did not wake up");
            assertEquals("KeyboardInterrupt", in.readLine());
            assertEquals(0, proc.exitValue());
        }
    }
}
