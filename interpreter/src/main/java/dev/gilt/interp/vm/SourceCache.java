package dev.gilt.interp.vm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Source lines for tracebacks (CPython's linecache): files are read from disk on first use;
 * modules loaded from class-path resources register their text under their filename. Sources
 * named like {@code <string>} or {@code <stdin>} have no lines, as in CPython 3.12.
 */
public final class SourceCache {
    private SourceCache() {}

    private static final ConcurrentHashMap<String, List<String>> LINES = new ConcurrentHashMap<>();

    /** Remembers the text of {@code filename} (modules loaded from resources, exec'd files). */
    public static void register(String filename, String text) {
        LINES.put(filename, text.lines().toList());
    }

    /** Forgets a file (e.g. after the program changed it). */
    public static void invalidate(String filename) {
        LINES.remove(filename);
    }

    /** Line {@code lineno} (1-based) of {@code filename} without its newline, or null. */
    public static String line(String filename, int lineno) {
        if (filename == null || lineno < 1 || (filename.startsWith("<") && filename.endsWith(">"))) return null;
        List<String> lines = LINES.computeIfAbsent(filename, SourceCache::load);
        if (lines == null || lineno > lines.size()) return null;
        return lines.get(lineno - 1);
    }

    private static List<String> load(String filename) {
        try {
            Path p = Path.of(filename);
            if (Files.isRegularFile(p)) return Files.readString(p, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException | RuntimeException e) {
            // Unreadable or not UTF-8: tracebacks show no source line, as CPython's linecache.
        }
        try (InputStream in = SourceCache.class.getClassLoader().getResourceAsStream(filename)) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException | RuntimeException e) {
            // no resource of that name
        }
        return List.of();
    }
}
