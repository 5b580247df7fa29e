package dev.gilt.runtime.io;

/**
 * A text stream that Java code can write to without a Python method call: the builtins'
 * {@code print} checks for it on its file argument (sys.stdout by default) and writes the
 * rendered text directly. Implemented by the stdlib's text files (sys.stdout, sys.stderr,
 * io.StringIO, files opened in text mode). Methods raise Python exceptions as PyException
 * (ValueError on a closed file, OSError on I/O failure).
 */
public interface TextSink {
    /** Writes {@code s} (buffered; a line-buffered stream flushes at a newline). */
    void write(String s);

    /** Flushes buffered text to the operating system. */
    void flush();
}
