package dev.gilt.stdlib.io;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The operating-system end of a file: a seekable {@link FileChannel} for files, plain streams for
 * the standard descriptors and pipes. Java-level only (no Python objects); {@link PyFileIO} turns
 * its IOExceptions into OSError.
 */
abstract class RawStream {
    /** -1 at end of file, else the number of bytes read (at least 1 when len > 0). */
    abstract int read(byte[] b, int off, int len) throws IOException;

    abstract void write(byte[] b, int off, int len) throws IOException;

    abstract boolean seekable();

    /** Moves to pos relative to whence (0 start, 1 current, 2 end); returns the new position. */
    long seek(long pos, int whence) throws IOException {
        throw new IOException("Illegal seek");
    }

    long tell() throws IOException {
        throw new IOException("Illegal seek");
    }

    void truncate(long size) throws IOException {
        throw new IOException("Illegal seek");
    }

    long size() throws IOException {
        return -1;
    }

    abstract void close() throws IOException;

    void flush() throws IOException {}

    boolean isatty() {
        return false;
    }

    /** A file channel (regular files). */
    static final class Channel extends RawStream {
        final FileChannel ch;
        final Path path;

        Channel(FileChannel ch, Path path) {
            this.ch = ch;
            this.path = path;
        }

        @Override
        int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            int n;
            do {
                n = ch.read(ByteBuffer.wrap(b, off, len));
            } while (n == 0);
            return n;
        }

        @Override
        void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer bb = ByteBuffer.wrap(b, off, len);
            while (bb.hasRemaining()) ch.write(bb);
        }

        @Override
        boolean seekable() {
            return true;
        }

        @Override
        long seek(long pos, int whence) throws IOException {
            long base = switch (whence) {
                case 1 -> ch.position();
                case 2 -> ch.size();
                default -> 0;
            };
            long np = base + pos;
            if (np < 0) throw new IOException("Invalid argument");
            ch.position(np);
            return np;
        }

        @Override
        long tell() throws IOException {
            return ch.position();
        }

        @Override
        void truncate(long size) throws IOException {
            long cur = ch.size();
            if (size < cur) {
                ch.truncate(size);
            } else if (size > cur) {
                long p = ch.position();
                ch.write(ByteBuffer.wrap(new byte[] {0}), size - 1);
                ch.position(p);
            }
        }

        @Override
        long size() throws IOException {
            return ch.size();
        }

        @Override
        void close() throws IOException {
            ch.close();
        }
    }

    /** A standard descriptor or any Java stream pair (not seekable). */
    static final class Stream extends RawStream {
        final InputStream in;
        final OutputStream out;
        final int fd;

        Stream(InputStream in, OutputStream out, int fd) {
            this.in = in;
            this.out = out;
            this.fd = fd;
        }

        static Stream stdin() {
            return new Stream(new FileInputStream(FileDescriptor.in), null, 0);
        }

        static Stream stdout() {
            return new Stream(null, new FileOutputStream(FileDescriptor.out), 1);
        }

        static Stream stderr() {
            return new Stream(null, new FileOutputStream(FileDescriptor.err), 2);
        }

        @Override
        int read(byte[] b, int off, int len) throws IOException {
            if (in == null) throw new IOException("Bad file descriptor");
            if (len == 0) return 0;
            return in.read(b, off, len);
        }

        @Override
        void write(byte[] b, int off, int len) throws IOException {
            if (out == null) throw new IOException("Bad file descriptor");
            out.write(b, off, len);
        }

        @Override
        void flush() throws IOException {
            if (out != null) out.flush();
        }

        @Override
        boolean seekable() {
            return false;
        }

        @Override
        void close() throws IOException {
            // The standard descriptors stay open for the JVM (CPython's closefd=False on them).
            if (fd > 2) {
                if (in != null) in.close();
                if (out != null) out.close();
            } else if (out != null) {
                out.flush();
            }
        }

        @Override
        boolean isatty() {
            return fd >= 0 && fd <= 2 && Tty.isatty(fd);
        }
    }

    /** Terminal detection for the standard descriptors (Linux /proc, then System.console()). */
    static final class Tty {
        private static final Boolean[] CACHE = new Boolean[3];

        static synchronized boolean isatty(int fd) {
            if (CACHE[fd] == null) CACHE[fd] = probe(fd);
            return CACHE[fd];
        }

        private static boolean probe(int fd) {
            try {
                Path p = Path.of("/proc/self/fd/" + fd);
                if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    String target = Files.readSymbolicLink(p).toString();
                    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
                }
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // fall through
            }
            var c = System.console();
            return c != null && c.isTerminal();
        }
    }
}
