package dev.gilt.interp.vm;

import dev.gilt.runtime.thread.ThreadState;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Warnings the VM itself issues (never-awaited coroutines), printed as CPython's warnings
 * module does with its default filters: once per (message, location), as
 * {@code file:line: Category: message} followed by the source line.
 */
public final class Warnings {
    private Warnings() {}

    private static final Set<String> SHOWN = ConcurrentHashMap.newKeySet();

    /** A RuntimeWarning at the innermost running frame's location. */
    static void runtimeWarning(String message, boolean tracemallocHint) {
        Object fo = ThreadState.current().frame;
        String file = "sys";
        int line = 1;
        if (fo instanceof Frame f) {
            file = f.code.filename;
            line = f.lineno();
        }
        if (!SHOWN.add(message + "\0" + file + "\0" + line)) return;
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(':').append(line).append(": RuntimeWarning: ").append(message).append('\n');
        String src = SourceCache.line(file, line);
        if (src != null) sb.append("  ").append(TracebackPrinter.pyStrip(src)).append('\n');
        if (tracemallocHint) sb.append("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
        Output.stderr(sb.toString());
    }
}
