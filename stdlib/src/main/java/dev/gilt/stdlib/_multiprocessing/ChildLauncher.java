package dev.gilt.stdlib._multiprocessing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts child interpreters: a new JVM from the same installation (the running JVM's java
 * binary, class path and start-up options, so an AOT/CDS cache given to the parent serves the
 * children too), running {@code gilt -c "import _multiprocessing; _multiprocessing._child_main()"}
 * with the parent's -X options. The child finds the broker and its token in the environment
 * ({@link #ENV_BROKER}, {@link #ENV_TOKEN}); its stdin is /dev/null and its stdout/stderr are the
 * parent's file descriptors (inherited), so its output reaches the terminal directly.
 *
 * <p>Extra JVM options for children: {@code GILT_MP_JAVA_OPTS} (space separated); the defaults
 * ({@link #CHILD_FLAGS}) are what measured best here (docs/PROCESSES.md).
 */
final class ChildLauncher {
    private ChildLauncher() {}

    static final String ENV_BROKER = "GILT_MP_BROKER";
    static final String ENV_TOKEN = "GILT_MP_TOKEN";
    static final String CHILD_COMMAND = "import _multiprocessing; _multiprocessing._child_main()";
    static final String MAIN_CLASS = "dev.gilt.interp.launch.Main";

    /** JVM flags added for children (skipped when the parent already has a setting for them). */
    static final List<String> CHILD_FLAGS = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss16m");

    private static volatile List<String> baseCommand;

    /** java + JVM options + -cp + main class + interpreter options, computed once. */
    static List<String> baseCommand() {
        List<String> c = baseCommand;
        if (c != null) return c;
        synchronized (ChildLauncher.class) {
            if (baseCommand == null) baseCommand = List.copyOf(computeBase());
            return baseCommand;
        }
    }

    private static List<String> computeBase() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> jvm = parentJvmOptions();
        for (String f : CHILD_FLAGS) {
            String key = f.startsWith("-XX:") ? f.substring(5).replace("+", "").replace("-", "") : f.substring(0, 4);
            boolean present = false;
            for (String o : jvm) {
                if (o.contains(key.split("=")[0])) present = true;
            }
            if (!present) cmd.add(f);
        }
        cmd.addAll(jvm);
        boolean hasShare = false;
        for (String o : jvm) {
            if (o.startsWith("-XX:AOTCache") || o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-Xshare")) hasShare = true;
        }
        if (!hasShare) cmd.add("-Xshare:auto");
        String extra = System.getenv("GILT_MP_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            for (String o : extra.trim().split("\\s+")) cmd.add(o);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN_CLASS);
        String xs = System.getProperty("gilt.xoptions", "");
        if (!xs.isEmpty()) {
            for (String x : xs.split("\u0001")) {
                if (x.isEmpty()) continue;
                cmd.add("-X");
                cmd.add(x);
            }
        }
        if (Boolean.getBoolean("gilt.unbuffered")) cmd.add("-u");
        if (Boolean.getBoolean("gilt.ignoreenv")) cmd.add("-E");
        String opt = System.getProperty("gilt.optimize");
        if (opt != null) cmd.add("-" + "O".repeat(Math.max(1, Integer.parseInt(opt))));
        String w = System.getProperty("gilt.warnoptions");
        if (w != null && !w.isEmpty()) {
            for (String x : w.split("\u0001")) {
                cmd.add("-W");
                cmd.add(x);
            }
        }
        cmd.add("-c");
        cmd.add(CHILD_COMMAND);
        return cmd;
    }

    /**
     * The JVM options the parent was started with (from /proc/self/cmdline, between the java
     * binary and the main class), minus the class path, debugger agents and archive-dumping
     * options that only make sense once.
     */
    static List<String> parentJvmOptions() {
        List<String> out = new ArrayList<>();
        List<String> args;
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            args = new ArrayList<>(List.of(new String(raw, StandardCharsets.UTF_8).split("\0")));
        } catch (IOException | RuntimeException e) {
            args = new ArrayList<>(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            args.add(0, "java");
            args.add(MAIN_CLASS);
        }
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(MAIN_CLASS) || !a.startsWith("-")) break;
            if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
                i++;
                continue;
            }
            if (a.startsWith("-agentlib") || a.startsWith("-javaagent") || a.startsWith("-XX:AOTCacheOutput")
                    || a.startsWith("-XX:ArchiveClassesAtExit") || a.startsWith("-XX:AOTMode=record")
                    || a.startsWith("-XX:AOTConfiguration") || a.startsWith("-XX:+AutoCreateSharedArchive")) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /** Starts a child for {@code token}; the payload must already be registered with the broker. */
    static Process start(String token, Path brokerSocket) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(baseCommand());
        pb.environment().put(ENV_BROKER, brokerSocket.toString());
        pb.environment().put(ENV_TOKEN, token);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.directory(dev.gilt.stdlib.util.Cwd.get().toFile());
        return pb.start();
    }

    /** The broker socket children of this process connect to (the root's, for every generation). */
    static Path brokerSocket() {
        String inherited = Channel.isChild() ? System.getenv(ENV_BROKER) : null;
        return inherited != null ? Path.of(inherited) : BrokerServer.socketPath();
    }
}
