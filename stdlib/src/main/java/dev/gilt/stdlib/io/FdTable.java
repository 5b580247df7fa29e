package dev.gilt.stdlib.io;

import java.util.HashMap;
import java.util.Map;

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
}
