package dev.gilt.runtime.gil;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code -X giltrace=FILE.json}: Chrome trace-event JSON that Perfetto and
 * chrome://tracing open. One row per thread (tid = the thread state's id, named by a
 * {@code thread_name} metadata event), a complete event ({@code "ph":"X"}) named "GIL held" per
 * hold and "GIL wait" per wait, and instant events ({@code "ph":"i"}) for drop requests and forced
 * switches. Timestamps and durations are microseconds since the runtime started timing.
 *
 * <p>Called once, at exit, after the interpreter stopped running Python, so the per-thread
 * buffers are read without locking (see {@link ThreadGilStats}).
 */
public final class GilTrace {
    private GilTrace() {}

    /** Writes the trace of {@code records} to {@code file}. */
    public static void write(Path file, String lockName, List<ThreadGilStats> records) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w, lockName, records);
        }
    }

    /** Writes the trace JSON to {@code w} (not closed). */
    public static void write(Writer w, String lockName, List<ThreadGilStats> records) throws IOException {
        long dropped = 0;
        w.write("{\"traceEvents\":[\n");
        boolean first = true;
        first = item(w, first, "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"tid\":0,\"args\":{\"name\":"
                + quote("gilt (gil=" + lockName + ")") + "}}");
        for (ThreadGilStats s : records) {
            first = item(w, first, "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":" + s.threadId
                    + ",\"args\":{\"name\":" + quote(s.name()) + "}}");
        }
        for (ThreadGilStats s : records) {
            dropped += s.droppedEvents;
            int n = s.evCount;
            for (int i = 0; i < n; i++) {
                String ts = micros(s.evStart[i] - GilStats.ORIGIN);
                String e = switch (s.evKind[i]) {
                    case ThreadGilStats.HOLD -> "{\"name\":\"GIL held\",\"cat\":\"gil\",\"ph\":\"X\",\"pid\":1,\"tid\":"
                            + s.threadId + ",\"ts\":" + ts + ",\"dur\":" + micros(s.evDur[i]) + "}";
                    case ThreadGilStats.WAIT -> "{\"name\":\"GIL wait\",\"cat\":\"gil\",\"ph\":\"X\",\"pid\":1,\"tid\":"
                            + s.threadId + ",\"ts\":" + ts + ",\"dur\":" + micros(s.evDur[i]) + "}";
                    case ThreadGilStats.DROP_REQUEST -> instant("drop request", s.threadId, ts);
                    default -> instant("forced switch", s.threadId, ts);
                };
                first = item(w, first, e);
            }
        }
        w.write("\n],\"displayTimeUnit\":\"ms\",\"otherData\":{\"lock\":" + quote(lockName)
                + ",\"dropped_events\":" + dropped + "}}\n");
    }

    private static String instant(String name, int tid, String ts) {
        return "{\"name\":\"" + name + "\",\"cat\":\"gil\",\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":" + tid
                + ",\"ts\":" + ts + "}";
    }

    private static boolean item(Writer w, boolean first, String s) throws IOException {
        if (!first) w.write(",\n");
        w.write(s);
        return false;
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, nanos) / 1000.0);
    }

    /** A JSON string literal. */
    static String quote(String s) {
        if (s == null) s = "";
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
