package dev.gilt.stdlib._multiprocessing;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.stdlib.util.Waits;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How this process reaches the broker: {@link Local} in the root process (calls into the
 * {@link Broker} directly), {@link Remote} in a child (frames over a Unix-domain socket). A
 * call blocks the calling Python thread with the GIL released until the reply arrives; a
 * KeyboardInterrupt during the wait cancels the request at the broker.
 *
 * <h2>Threads</h2>
 * Any number of Python threads may call concurrently: each request has its own id and future;
 * frames are written whole under {@link Remote#writeLock}; one daemon reader thread completes
 * futures as replies arrive. When the socket closes (the root process died), pending and later
 * calls fail with OSError, and the child exits: an orphan must not outlive its process tree.
 */
abstract class Channel {
    private final AtomicInteger ids = new AtomicInteger();
    final Map<Integer, CompletableFuture<Msg>> pending = new ConcurrentHashMap<>();

    private static volatile Channel current;

    /** The channel of this process: the child's connection, else the root broker (started on first use). */
    static Channel get() {
        Channel c = current;
        if (c != null) return c;
        synchronized (Channel.class) {
            if (current == null) current = new Local(BrokerServer.root());
            return current;
        }
    }

    static boolean isChild() {
        return current instanceof Remote;
    }

    /** Becomes a child: connects to the broker at {@code path}. */
    static synchronized Remote connect(Path path) throws IOException {
        Remote r = new Remote(path);
        current = r;
        return r;
    }

    /** Sends a request and waits for its reply (GIL released while waiting). */
    Msg call(int op, byte[] data, long... args) {
        int id = ids.incrementAndGet();
        CompletableFuture<Msg> f = new CompletableFuture<>();
        pending.put(id, f);
        try {
            send(Msg.request(id, op, data, args));
        } catch (IOException e) {
            pending.remove(id);
            throw gone();
        }
        if (!f.isDone()) {
            try {
                Waits.await(n -> {
                    try {
                        if (n < 0) f.get();
                        else f.get(n, TimeUnit.NANOSECONDS);
                        return true;
                    } catch (ExecutionException e) {
                        return true;
                    } catch (TimeoutException e) {
                        return false;
                    }
                }, -1);
            } catch (PyException e) {
                // KeyboardInterrupt (or another asynchronous exception) while waiting.
                pending.remove(id);
                try {
                    send(Msg.request(ids.incrementAndGet(), Broker.CANCEL, null, id));
                } catch (IOException ignored) {
                    // the broker is gone anyway
                }
                throw e;
            }
        }
        pending.remove(id);
        Msg r = f.getNow(null);
        if (r == null) throw gone();
        return r;
    }

    abstract void send(Msg m) throws IOException;

    /** Completes the future of a reply (from whatever thread the reply arrives on). */
    void deliver(Msg reply) {
        CompletableFuture<Msg> f = pending.get(reply.id);
        if (f != null) f.complete(reply);
    }

    static PyException gone() {
        return Errors.of(PyExc.OSError, "the multiprocessing broker (the root process) has gone away");
    }

    /** The root process: requests go straight into the broker. */
    static final class Local extends Channel {
        final Broker broker;
        final Broker.Endpoint ep = new Broker.Endpoint() {
            @Override
            void send(Msg reply) {
                deliver(reply);
            }
        };

        Local(Broker broker) {
            this.broker = broker;
        }

        @Override
        void send(Msg m) {
            broker.handle(ep, m);
        }
    }

    /** A child process: frames over its socket to the root's broker. */
    static final class Remote extends Channel {
        final SocketChannel sock;
        final Object writeLock = new Object();
        volatile boolean closed;

        Remote(Path path) throws IOException {
            sock = SocketChannel.open(StandardProtocolFamily.UNIX);
            sock.connect(UnixDomainSocketAddress.of(path));
            Thread t = new Thread(this::readLoop, "gilt-mp-channel");
            t.setDaemon(true);
            t.start();
        }

        @Override
        void send(Msg m) throws IOException {
            if (closed) throw new IOException("closed");
            ByteBuffer b = ByteBuffer.wrap(m.encode());
            synchronized (writeLock) {
                while (b.hasRemaining()) sock.write(b);
            }
        }

        private void readLoop() {
            try {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(sock), 1 << 16));
                for (Msg m; (m = Msg.read(in)) != null; ) deliver(m);
            } catch (IOException e) {
                // fall through: the broker is gone
            }
            closed = true;
            for (CompletableFuture<Msg> f : pending.values()) f.complete(null);
            if (!ChildMain.exiting) {
                // The root process died: an orphan must not run on (see the class comment).
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(1);
            }
        }

        void close() {
            closed = true;
            try {
                sock.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
