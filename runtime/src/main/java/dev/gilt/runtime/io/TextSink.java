package dev.gilt.runtime.io;

/**
 * A text stream that Java code can write to without going through a Python-level
 * {@code write} method call. The stdlib's standard streams ({@code sys.stdout},
 * {@code sys.stderr}) implement it, so that {@code print()} writes straight to them (the fast path
 * benchmarks depend on). Any other object passed as {@code file=} is written to by calling its
 * {@code write} method.
 */
public interface TextSink {
    /** Writes {@code s}; raises a Python exception (PyException) on an I/O error. */
    void write(String s);

    /** Flushes buffered output. */
    void flush();
}
