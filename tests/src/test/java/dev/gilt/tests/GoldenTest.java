package dev.gilt.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden-output programs: every {@code tests/golden/**}{@code /*.py} and {@code samples/**}{@code /*.py}
 * with a sibling {@code NAME.out} runs through Gilt and must print exactly that on stdout; a
 * sibling {@code NAME.err} is compared with stderr (memory addresses {@code 0x...} normalised),
 * {@code NAME.exit} holds the expected exit status (default 0). The expected files come from
 * running the program once with {@code python3} in its own directory ({@code tests/golden/regen}).
 *
 * <p>Each program runs in its own JVM (the interpreter is a per-process singleton), started from
 * the program's directory with the program's file name, so tracebacks name it as CPython does;
 * the program directory's absolute path is removed from the output on both sides, so expected
 * files do not depend on where the repository lives. Two programs run at a time; each has a
 * 20-second limit. A program opts out of a configuration with a comment such as
 * {@code # skip-if: gil=off}; options for the run come from {@code # gilt-args: -X ...}.
 *
 * <p>Programs under a {@code threads} directory run twice, with the GIL on and off
 * ({@code -X gil=0}, shown as {@code [gil=off]}): their output must not depend on it.
 */
class GoldenTest {
    private static final int PARALLEL = 2;
    private static final long TIMEOUT_SECONDS = 20;
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern SKIP = Pattern.compile("^#\\s*skip-if:\\s*(.+)$", Pattern.MULTILINE);
    private static final Pattern ARGS = Pattern.compile("^#\\s*gilt-args:\\s*(.+)$", Pattern.MULTILINE);

    /** The current configuration, for skip-if comments (more configurations come with the GIL work). */
    private static final String CONFIG = "gil=" + (System.getProperty("gilt.gil", "1").equals("0") ? "off" : "on");

    record Result(String out, String err, int exit, boolean timedOut) {}

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("tests").resolve("golden"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository root (tests/golden)");
        return p;
    }

    static List<Path> programs(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(root.resolve("tests").resolve("golden"), root.resolve("samples"))) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".py"))
                        .filter(p -> Files.isRegularFile(sibling(p, ".out")))
                        .sorted()
                        .forEach(out::add);
            }
        }
        return out;
    }

    static Path sibling(Path py, String ext) {
        String name = py.getFileName().toString();
        return py.resolveSibling(name.substring(0, name.length() - 3) + ext);
    }

    @TestFactory
    Stream<DynamicTest> goldenPrograms() throws IOException {
        Path root = repoRoot();
        List<Path> progs = programs(root);
        // Until the compiler is connected nothing can run: report the programs as skipped.
        Path probe = Files.createTempFile("gilt-probe", ".py");
        Files.writeString(probe, "pass\n");
        Result pr = run(probe, "");
        Files.deleteIfExists(probe);
        if (pr.err.contains("no compiler is installed")) {
            return progs.stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () ->
                    Assumptions.assumeTrue(false, "no compiler is installed yet")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : progs) {
            String src = Files.readString(p, StandardCharsets.UTF_8);
            Matcher skip = SKIP.matcher(src);
            boolean skipped = false;
            while (skip.find()) {
                for (String c : skip.group(1).split("[,\\s]+")) if (c.trim().equals(CONFIG)) skipped = true;
            }
            String display = root.relativize(p).toString();
            if (skipped) {
                tests.add(DynamicTest.dynamicTest(display + " (skipped: " + CONFIG + ")", () -> {}));
            } else {
                CompletableFuture<Result> f = CompletableFuture.supplyAsync(() -> run(p, src), pool);
                tests.add(DynamicTest.dynamicTest(display, p.toUri(), () -> check(p, f.get())));
            }
            if (bothGilModes(p) && CONFIG.equals("gil=on")) {
                boolean skipOff = false;
                Matcher sk = SKIP.matcher(src);
                while (sk.find()) {
                    for (String c : sk.group(1).split("[,\\s]+")) if (c.trim().equals("gil=off")) skipOff = true;
                }
                if (skipOff) {
                    tests.add(DynamicTest.dynamicTest(display + " [gil=off] (skipped)", () -> {}));
                    continue;
                }
                CompletableFuture<Result> f = CompletableFuture.supplyAsync(() -> run(p, src, "-X", "gil=0"), pool);
                tests.add(DynamicTest.dynamicTest(display + " [gil=off]", p.toUri(), () -> check(p, f.get())));
            }
        }
        pool.shutdown();
        return tests.stream();
    }

    private static void check(Path p, Result r) throws IOException {
        if (r.timedOut) fail("timed out after " + TIMEOUT_SECONDS + " s\n--- stderr:\n" + r.err);
        String expectedOut = Files.readString(sibling(p, ".out"), StandardCharsets.UTF_8);
        Path errFile = sibling(p, ".err");
        Path exitFile = sibling(p, ".exit");
        int expectedExit = Files.exists(exitFile) ? Integer.parseInt(Files.readString(exitFile).trim()) : 0;
        String dir = p.getParent().toAbsolutePath() + File.separator;
        String out = r.out.replace(dir, "");
        String err = r.err.replace(dir, "");
        assertEquals(expectedOut, out, "stdout of " + p.getFileName() + "\n--- stderr:\n" + err);
        if (Files.exists(errFile)) {
            String expectedErr = Files.readString(errFile, StandardCharsets.UTF_8).replace(dir, "");
            assertEquals(normalize(expectedErr), normalize(err), "stderr of " + p.getFileName());
        }
        assertEquals(expectedExit, r.exit, "exit status of " + p.getFileName() + "\n--- stderr:\n" + err);
    }

    static String normalize(String s) {
        return ADDRESS.matcher(s).replaceAll("0x?");
    }

    /** The Java command that runs Gilt with this test JVM's class path (our modules and their dependencies). */
    static List<String> giltCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED", "-cp", cp, "dev.gilt.interp.launch.Main"));
        return cmd;
    }

    /** Programs of a {@code threads} directory run with the GIL on and off. */
    static boolean bothGilModes(Path p) {
        for (Path part : repoRoot().relativize(p.toAbsolutePath())) if (part.toString().equals("threads")) return true;
        return false;
    }

    static Result run(Path program, String src, String... extra) {
        List<String> finalCmd = giltCommand();
        finalCmd.addAll(List.of(extra));
        Matcher args = ARGS.matcher(src);
        if (args.find()) for (String a : args.group(1).trim().split("\\s+")) finalCmd.add(a);
        finalCmd.add(program.getFileName().toString());
        try {
            Path outF = Files.createTempFile("gilt-golden", ".out");
            Path errF = Files.createTempFile("gilt-golden", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(finalCmd).directory(program.getParent().toFile())
                        .redirectOutput(outF.toFile()).redirectError(errF.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                pb.environment().remove("PYTHONPATH");
                Process proc = pb.start();
                boolean done = proc.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (!done) {
                    proc.descendants().forEach(ProcessHandle::destroyForcibly);
                    proc.destroyForcibly();
                    proc.waitFor(5, TimeUnit.SECONDS);
                }
                return new Result(Files.readString(outF, StandardCharsets.UTF_8),
                        Files.readString(errF, StandardCharsets.UTF_8), done ? proc.exitValue() : -1, !done);
            } finally {
                Files.deleteIfExists(outF);
                Files.deleteIfExists(errF);
            }
        } catch (IOException e) {
            return new Result("", "could not run gilt: " + e, -1, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result("", "interrupted", -1, false);
        }
    }
}
