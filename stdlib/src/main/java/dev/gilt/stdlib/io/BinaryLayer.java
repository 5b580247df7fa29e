package dev.gilt.stdlib.io;

/**
 * What a text wrapper needs from the binary object beneath it, as direct Java calls (no Python
 * method lookups on the hot path). Implemented by FileIO, the buffered objects and BytesIO.
 * Methods raise Python exceptions ({@code PyException}) on failure.
 */
public interface BinaryLayer {
    /** Reads up to len bytes; returns -1 or 0 at end of file. */
    int readInto(byte[] b, int off, int len);

    void writeBytes(byte[] b, int off, int len);

    void flushBytes();

    long seekBytes(long pos, int whence);

    long tellBytes();

    void truncateBytes(long size);

    boolean layerReadable();

    boolean layerWritable();

    boolean layerSeekable();
}
