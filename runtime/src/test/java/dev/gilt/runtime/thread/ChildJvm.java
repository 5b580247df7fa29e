package dev.gilt.runtime.thread;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test class path in a fresh JVM, for behaviour fixed at class-init
 * time by {@code static final} switches (refcount policy, GIL choice, stats). Bounded in time:
 * a child still running at the deadline is killed and reported as timed out.
 */
public final class ChildJvm {
    private ChildJvm() {}

    public record Result(int exit, String out, String err, boolean timedOut) {
        @Override
        public String toString() {
            return "exit " + exit + (timedOut ? " (timed out)" : "") + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs {@code mainClass} with {@code -D} properties ({@code "k=v"}) and arguments. */
    public static Result run(Class<?> mainClass, List<String> props, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xss16m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        for (String p : props) cmd.add("-D" + p);
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("PYTHON_GIL");
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread to = pump(p.getInputStream(), out);
        Thread te = pump(p.getErrorStream(), err);
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        to.join(5000);
        te.join(5000);
        return new Result(done ? p.exitValue() : -1, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8), !done);
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(sink);
            } catch (IOException ignored) {
                // the child died; what we have is what it printed
            }
        }, "child-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
