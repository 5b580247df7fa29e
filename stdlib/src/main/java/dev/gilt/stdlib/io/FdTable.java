package dev.gilt.stdlib.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Gilt's file descriptors: small integers naming open {@link RawStream}s, shared by {@code _io}
 * and {@code os} (os.open/os.read/os.write/os.close). 0, 1 and 2 are the standard streams; new
 * descriptors take the lowest free number from 3, as POSIX open(2).
 */
public final class FdTable {
    private FdTable() {}

    private static final Map<Integer, RawStream> TABLE = new HashMap<>();

    static {
        TABLE.put(0, RawStream.Stream.stdin());
        TABLE.put(1, RawStream.Stream.stdout());
        TABLE.put(2, RawStream.Stream.stderr());
    }

    static synchronized int add(RawStream r) {
        int fd = 3;
        while (TABLE.containsKey(fd)) fd++;
        TABLE.put(fd, r);
        return fd;
    }

    static synchronized RawStream get(int fd) {
        return TABLE.get(fd);
    }

    static synchronized RawStream remove(int fd) {
        return TABLE.remove(fd);
    }

    public static synchronized boolean isOpen(int fd) {
        return TABLE.containsKey(fd);
    }

    // ---- descriptor-level I/O for the os module (IOException → OSError by the caller) --------

    /** A bad descriptor (EBADF). */
    public static final class BadFd extends IOException {
        public BadFd() {
            super("Bad file descriptor");
        }
    }

    private static RawStream need(int fd) throws IOException {
        RawStream r = get(fd);
        if (r == null) throw new BadFd();
        return r;
    }

    /** os.open: a new descriptor for {@code path}. */
    public static int open(Path path, Set<OpenOption> options, boolean append) throws IOException {
        FileChannel ch = FileChannel.open(path, options);
        RawStream.Channel c = new RawStream.Channel(ch, path);
        if (append) c.seek(0, 2);
        return add(c);
    }

    /** os.read: up to n bytes (empty at end of file). */
    public static byte[] read(int fd, int n) throws IOException {
        RawStream r = need(fd);
        byte[] b = new byte[n];
        int got = r.read(b, 0, n);
        if (got <= 0) return new byte[0];
        return got == n ? b : java.util.Arrays.copyOf(b, got);
    }

    public static int write(int fd, byte[] data) throws IOException {
        need(fd).write(data, 0, data.length);
        need(fd).flush();
        return data.length;
    }

    public static long lseek(int fd, long pos, int how) throws IOException {
        return need(fd).seek(pos, how);
    }

    public static void close(int fd) throws IOException {
        RawStream r = remove(fd);
        if (r == null) throw new BadFd();
        r.close();
    }

    public static boolean isatty(int fd) {
        RawStream r = get(fd);
        return r != null && r.isatty();
    }

    /** The file a descriptor was opened on, or null (standard streams). */
    public static Path pathOf(int fd) throws IOException {
        return need(fd) instanceof RawStream.Channel c ? c.path : null;
    }

    public static void truncate(int fd, long size) throws IOException {
        need(fd).truncate(size);
    }

    public static void fsync(int fd) throws IOException {
        if (need(fd) instanceof RawStream.Channel c) c.ch.force(true);
    }
}
