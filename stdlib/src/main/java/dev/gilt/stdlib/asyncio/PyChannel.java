package dev.gilt.stdlib.asyncio;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import dev.gilt.stdlib.util.OsErr;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code _asyncio_loop.Channel}: a non-blocking TCP socket (listening or connected) for the event
 * loop, over a Java NIO channel. The loop reads and writes through it only when the selector says
 * it is ready, so the methods never block: {@code recv} returns None and {@code send} returns 0
 * when the kernel has nothing for them, and {@code accept} returns None when no connection waits.
 *
 * <p>Errors become the OSError subclasses CPython raises for the same errno (connection refused,
 * reset, broken pipe ...). A Channel holds no Python references; it is hashable by identity (the
 * loop keys its registrations on it). {@code fileno()} is a process-unique number, not an OS file
 * descriptor.
 *
 * <p>Threads: used by the thread that runs its event loop only.
 */
public final class PyChannel extends PyObject {
    public static final PyType TYPE = Attr.install(PyType.builtin("Channel", PyChannel.class), "_asyncio_loop");

    private static final AtomicInteger NEXT_FD = new AtomicInteger(3);

    /** One read buffer per thread: recv copies out of it at once. */
    private static final ThreadLocal<ByteBuffer> READ_BUF = ThreadLocal.withInitial(() -> ByteBuffer.allocate(256 * 1024));

    final SelectableChannel channel;
    private final int fd = NEXT_FD.getAndIncrement();
    /** The address a pending connect goes to (for the "Connect call failed" message). */
    private final InetSocketAddress target;
    /** Selectors this channel was registered with (usually one: its loop's). */
    private java.nio.channels.Selector[] selectors = new java.nio.channels.Selector[0];

    PyChannel(SelectableChannel channel, InetSocketAddress target) {
        this.channel = channel;
        this.target = target;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    static {
        TYPE.repr = self -> PyStr.of(((PyChannel) self).repr());
        PyMethodDescr.define(TYPE, "fileno", (Fn.F0) self -> PyInt.of(((PyChannel) self).fd));
        PyMethodDescr.define(TYPE, "accept", (Fn.F0) self -> ((PyChannel) self).accept());
        PyMethodDescr.define(TYPE, "finish_connect", (Fn.F0) self -> ((PyChannel) self).finishConnect());
        PyMethodDescr.define(TYPE, "recv", (Fn.F1) (self, n) -> ((PyChannel) self).recv(Args.asInt(n)));
        PyMethodDescr.define(TYPE, "send", (Fn.F1) (self, data) -> ((PyChannel) self).send(data));
        PyMethodDescr.define(TYPE, "shutdown_write", (Fn.F0) self -> ((PyChannel) self).shutdownWrite());
        PyMethodDescr.define(TYPE, "close", (Fn.F0) self -> ((PyChannel) self).close());
        PyMethodDescr.define(TYPE, "closed", (Fn.F0) self -> PyBool.of(!((PyChannel) self).channel.isOpen()));
        PyMethodDescr.define(TYPE, "getsockname", (Fn.F0) self -> ((PyChannel) self).sockname());
        PyMethodDescr.define(TYPE, "getpeername", (Fn.F0) self -> ((PyChannel) self).peername());
    }

    private String repr() {
        StringBuilder sb = new StringBuilder("<_asyncio_loop.Channel fd=").append(fd);
        if (!channel.isOpen()) return sb.append(" [closed]>").toString();
        try {
            SocketAddress a = local();
            if (a != null) sb.append(", laddr=").append(Args.repr(addressTuple(a)));
            if (channel instanceof SocketChannel sc && sc.getRemoteAddress() != null) {
                sb.append(", raddr=").append(Args.repr(addressTuple(sc.getRemoteAddress())));
            }
        } catch (IOException e) {
            // keep what we have
        }
        return sb.append('>').toString();
    }

    private SocketAddress local() throws IOException {
        if (channel instanceof SocketChannel sc) return sc.getLocalAddress();
        return ((ServerSocketChannel) channel).getLocalAddress();
    }

    // ---- factories ------------------------------------------------------------------------------

    /** A listening channel on host:port (host None or '' = every interface). */
    static PyChannel listen(String host, int port, int backlog, boolean reuseAddress) {
        InetSocketAddress addr = address(host, port);
        ServerSocketChannel ch = null;
        try {
            ch = ServerSocketChannel.open();
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
            ch.bind(addr, Math.max(backlog, 1));
            ch.configureBlocking(false);
            return new PyChannel(ch, null);
        } catch (IOException e) {
            closeQuietly(ch);
            int errno = errnoOf(e);
            String strerror = OsErr.strerror(errno).toLowerCase();
            // CPython's create_server words it so: "error while attempting to bind on address
            // ('127.0.0.1', 8888): address already in use".
            throw osError(errno, "error while attempting to bind on address "
                    + addrRepr(host == null || host.isEmpty() ? "0.0.0.0" : host, port) + ": " + strerror);
        }
    }

    /** Starts connecting to host:port: (channel, connected now). */
    static PyObject connect(String host, int port) {
        InetSocketAddress addr = address(host, port);
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean done = ch.connect(addr);
            return PyTuple.steal(new PyChannel(ch, addr), PyBool.of(done));
        } catch (UnresolvedAddressException e) {
            closeQuietly(ch);
            throw osError(-2, "Name or service not known");
        } catch (IOException e) {
            closeQuietly(ch);
            throw connectFailed(e, addr);
        }
    }

    private static InetSocketAddress address(String host, int port) {
        if (port < 0 || port > 65535) throw Errors.of(PyExc.OverflowError, "port must be 0-65535.");
        if (host == null || host.isEmpty()) return new InetSocketAddress(port);
        return new InetSocketAddress(host, port);
    }

    // ---- operations -----------------------------------------------------------------------------

    private PyObject accept() {
        if (!(channel instanceof ServerSocketChannel ss)) throw osError(22, "Invalid argument");
        try {
            SocketChannel c = ss.accept();
            if (c == null) return RefCount.newRef(PyNone.NONE);
            c.configureBlocking(false);
            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            PyObject peer = addressTuple(c.getRemoteAddress());
            return PyTuple.steal(new PyChannel(c, null), peer);
        } catch (IOException e) {
            throw fromIO(e);
        }
    }

    /** True once connected; False while the connect is still pending; OSError if it failed. */
    private PyObject finishConnect() {
        SocketChannel sc = socket();
        try {
            return PyBool.of(sc.finishConnect());
        } catch (IOException e) {
            throw connectFailed(e, target);
        }
    }

    private PyObject recv(int n) {
        SocketChannel sc = socket();
        if (n < 0) throw Errors.valueError("negative buffersize in recv");
        ByteBuffer buf = READ_BUF.get();
        buf.clear();
        if (n < buf.capacity()) buf.limit(n);
        int got;
        try {
            got = sc.read(buf);
        } catch (IOException e) {
            throw fromIO(e);
        } catch (NotYetConnectedException e) {
            throw osError(107, "Transport endpoint is not connected");
        }
        if (got < 0) return PyBytes.of(new byte[0]);
        if (got == 0) return RefCount.newRef(PyNone.NONE);
        byte[] out = new byte[got];
        buf.flip();
        buf.get(out);
        return PyBytes.of(out);
    }

    private PyObject send(PyObject data) {
        SocketChannel sc = socket();
        byte[] b = PyBytes.bytesOf(data);
        try {
            return PyInt.of(sc.write(ByteBuffer.wrap(b)));
        } catch (IOException e) {
            throw fromIO(e);
        } catch (NotYetConnectedException e) {
            throw osError(107, "Transport endpoint is not connected");
        }
    }

    private PyObject shutdownWrite() {
        try {
            socket().shutdownOutput();
        } catch (IOException e) {
            throw fromIO(e);
        } catch (NotYetConnectedException e) {
            throw osError(107, "Transport endpoint is not connected");
        }
        return RefCount.newRef(PyNone.NONE);
    }

    /** Called by PySelector.register. */
    void registeredWith(java.nio.channels.Selector sel) {
        for (var x : selectors) if (x == sel) return;
        selectors = java.util.Arrays.copyOf(selectors, selectors.length + 1);
        selectors[selectors.length - 1] = sel;
    }

    /**
     * Closes the channel. NIO defers the real close of a registered channel until its selector
     * next selects (the key must be flushed first); until then a listening socket would still
     * accept connections. So the selectors are flushed at once, on the loop's own thread.
     */
    private PyObject close() {
        closeQuietly(channel);
        for (var sel : selectors) {
            if (!sel.isOpen()) continue;
            try {
                sel.selectNow();
            } catch (IOException | java.nio.channels.ClosedSelectorException e) {
                // the selector is going away too
            }
        }
        selectors = new java.nio.channels.Selector[0];
        return RefCount.newRef(PyNone.NONE);
    }

    private PyObject sockname() {
        try {
            SocketAddress a = local();
            if (a == null) throw osError(22, "Invalid argument");
            return addressTuple(a);
        } catch (ClosedChannelException e) {
            throw osError(9, "Bad file descriptor");
        } catch (IOException e) {
            throw fromIO(e);
        }
    }

    private PyObject peername() {
        if (!(channel instanceof SocketChannel sc)) throw osError(107, "Transport endpoint is not connected");
        try {
            SocketAddress a = sc.getRemoteAddress();
            if (a == null) throw osError(107, "Transport endpoint is not connected");
            return addressTuple(a);
        } catch (ClosedChannelException e) {
            throw osError(9, "Bad file descriptor");
        } catch (IOException e) {
            throw fromIO(e);
        }
    }

    private SocketChannel socket() {
        if (channel instanceof SocketChannel sc) {
            if (!sc.isOpen()) throw osError(9, "Bad file descriptor");
            return sc;
        }
        throw osError(107, "Transport endpoint is not connected");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** (host, port) for IPv4, (host, port, flowinfo, scope_id) for IPv6, as CPython. */
    static PyObject addressTuple(SocketAddress sa) {
        InetSocketAddress a = (InetSocketAddress) sa;
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        if (a.getAddress() instanceof Inet6Address v6) {
            int pct = host.indexOf('%');
            if (pct >= 0) host = host.substring(0, pct);
            host = compressV6(host);
            return PyTuple.steal(PyStr.of(host), PyInt.of(a.getPort()), PyInt.of(0), PyInt.of(v6.getScopeId()));
        }
        return PyTuple.steal(PyStr.of(host), PyInt.of(a.getPort()));
    }

    /** Java prints 0:0:0:0:0:0:0:1; CPython prints ::1. */
    static String compressV6(String h) {
        String[] parts = h.split(":", -1);
        if (parts.length != 8) return h;
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (parts[i].equals("0")) {
                int j = i;
                while (j < 8 && parts[j].equals("0")) j++;
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) return h;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bestStart; i++) sb.append(i > 0 ? ":" : "").append(parts[i]);
        sb.append("::");
        for (int i = bestStart + bestLen; i < 8; i++) sb.append(i > bestStart + bestLen ? ":" : "").append(parts[i]);
        return sb.toString();
    }

    private static String addrRepr(String host, int port) {
        return "('" + host + "', " + port + ")";
    }

    private static void closeQuietly(SelectableChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }

    static int errnoOf(IOException e) {
        String m = e.getMessage();
        if (e instanceof ClosedChannelException) return 9;
        if (m != null) {
            if (m.contains("Connection refused")) return 111;
            if (m.contains("Connection reset")) return 104;
            if (m.contains("Broken pipe")) return 32;
            if (m.contains("Address already in use")) return 98;
            if (m.contains("Cannot assign requested address")) return 99;
            if (m.contains("Permission denied")) return 13;
            if (m.contains("timed out")) return 110;
            if (m.contains("No route to host")) return 113;
            if (m.contains("Network is unreachable")) return 101;
        }
        return OsErr.errnoOf(e);
    }

    static PyException fromIO(IOException e) {
        int errno = errnoOf(e);
        return osError(errno, OsErr.strerror(errno));
    }

    private static PyException connectFailed(IOException e, InetSocketAddress addr) {
        int errno = errnoOf(e);
        String host = addr.getAddress() != null ? addr.getAddress().getHostAddress() : addr.getHostString();
        return osError(errno, "Connect call failed " + addrRepr(host, addr.getPort()));
    }

    /** OSError(errno, message): the type picks the subclass (ConnectionRefusedError ...). */
    static PyException osError(int errno, String message) {
        PyObject no = PyInt.of(errno);
        PyObject msg = PyStr.of(message);
        try {
            PyObject e = Ops.call(OsErr.typeFor(errno), no, msg);
            if (e instanceof dev.gilt.runtime.object.PyBaseException be) return new PyException(be);
            RefCount.decref(e);
            return Errors.of(PyExc.OSError, message);
        } finally {
            RefCount.decref(no);
            RefCount.decref(msg);
        }
    }
}
