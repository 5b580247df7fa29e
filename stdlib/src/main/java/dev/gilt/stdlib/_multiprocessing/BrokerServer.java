package dev.gilt.stdlib._multiprocessing;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The root process's side of the channels: a Unix-domain server socket in a private temporary
 * directory ({@code /tmp/gilt-mp-PID-XXXX/broker}, mode 0700) that every child of the process
 * tree connects to; one daemon reader thread per connection feeds requests to the
 * {@link Broker}. The directory and the shared-memory files registered with the broker are
 * removed when the root process exits.
 */
final class BrokerServer {
    private static volatile Broker broker;
    private static volatile Path socketPath;

    private BrokerServer() {}

    /** The root broker, with its server started (idempotent). */
    static synchronized Broker root() {
        if (broker != null) return broker;
        Broker b = new Broker();
        try {
            Path dir = Files.createTempDirectory("gilt-mp-" + ProcessHandle.current().pid() + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path sock = dir.resolve("broker");
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(sock));
            Thread t = new Thread(() -> acceptLoop(b, server), "gilt-mp-broker");
            t.setDaemon(true);
            t.start();
            socketPath = sock;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> cleanUp(b, dir, sock)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the multiprocessing broker: " + e.getMessage(), e);
        }
        broker = b;
        return b;
    }

    static Path socketPath() {
        root();
        return socketPath;
    }

    private static void acceptLoop(Broker b, ServerSocketChannel server) {
        for (;;) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (IOException e) {
                return;
            }
            Conn conn = new Conn(c);
            Thread t = new Thread(() -> conn.readLoop(b), "gilt-mp-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private static void cleanUp(Broker b, Path dir, Path sock) {
        try {
            Files.deleteIfExists(sock);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // best effort at exit
        }
        synchronized (b) {
            for (String f : b.shmFiles) {
                try {
                    Files.deleteIfExists(Path.of(f));
                } catch (IOException ignored) {
                    // best effort at exit
                }
            }
        }
    }

    /** One child's connection. */
    static final class Conn extends Broker.Endpoint {
        final SocketChannel sock;
        private final Object writeLock = new Object();
        private volatile boolean dead;

        Conn(SocketChannel sock) {
            this.sock = sock;
        }

        @Override
        void send(Msg reply) {
            if (dead) return;
            ByteBuffer buf = ByteBuffer.wrap(reply.encode());
            synchronized (writeLock) {
                try {
                    while (buf.hasRemaining()) sock.write(buf);
                } catch (IOException e) {
                    dead = true;
                }
            }
        }

        void readLoop(Broker b) {
            try {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(sock), 1 << 16));
                for (Msg m; (m = Msg.read(in)) != null; ) b.handle(this, m);
            } catch (IOException e) {
                // the child is gone
            } finally {
                dead = true;
                b.disconnected(this);
                try {
                    sock.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
