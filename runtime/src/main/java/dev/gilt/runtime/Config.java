package dev.gilt.runtime;

/**
 * Start-up choices that never change while the process runs, read once from system properties
 * (the launcher turns {@code -X} options into {@code gilt.*} properties before any runtime class
 * loads). They are {@code static final} so the JVM folds the branches of the mode not in use.
 */
public final class Config {
    private Config() {}

    /** {@code -X gil=0|1|NAME}: the lock design's name; "none" means free-threaded. */
    public static final String GIL_NAME = normalizeGil(System.getProperty("gilt.gil",
            envGil(System.getenv("PYTHON_GIL"))));
    /** False in free-threaded mode: containers then lock per object. */
    public static final boolean GIL_ENABLED = !"none".equals(GIL_NAME);
    /** {@code -X javatrace}: show Java stack traces of internal errors. */
    public static final boolean JAVA_TRACE = Boolean.getBoolean("gilt.javatrace");

    private static String envGil(String env) {
        return env == null || env.isEmpty() ? "1" : env;
    }

    static String normalizeGil(String v) {
        return switch (v) {
            case "0" -> "none";
            case "1", "" -> "interval";
            default -> v;
        };
    }
}
