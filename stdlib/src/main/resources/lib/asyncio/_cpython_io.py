"""The platform layer under CPython: the same API as Gilt's Java module _asyncio_loop.

Only imported when _asyncio_loop is missing, i.e. when this package runs on CPython for
development. The channel objects mirror the Java ones: non-blocking, loopback TCP, methods that
return None instead of raising BlockingIOError.
"""

import heapq
import selectors
import socket
import threading
import time

monotonic = time.monotonic
heappush = heapq.heappush
heappop = heapq.heappop
heapify = heapq.heapify
CLOCK_RESOLUTION = time.get_clock_info("monotonic").resolution
get_ident = threading.get_ident

_local = threading.local()


def get_running_loop_raw():
    return getattr(_local, "loop", None)


def set_running_loop(loop):
    _local.loop = loop


def is_main_thread():
    return threading.current_thread() is threading.main_thread()


class Selector:
    """selectors.DefaultSelector plus a socketpair for wakeup(); select() returns (data, events)."""

    def __init__(self):
        self._sel = selectors.DefaultSelector()
        self._r, self._w = socket.socketpair()
        self._r.setblocking(False)
        self._w.setblocking(False)
        self._sel.register(self._r, selectors.EVENT_READ, None)
        self._woken = False
        self._lock = threading.Lock()

    def __len__(self):
        return len(self._sel.get_map()) - 1  # without the wakeup socket

    def register(self, chan, events, data):
        self._sel.register(chan._sock, events, data)

    def modify(self, chan, events, data):
        self._sel.modify(chan._sock, events, data)

    def unregister(self, chan):
        self._sel.unregister(chan._sock)

    def select(self, timeout):
        out = []
        for key, ev in self._sel.select(timeout):
            if key.fileobj is self._r:
                try:
                    while self._r.recv(4096):
                        pass
                except (BlockingIOError, InterruptedError):
                    pass
                with self._lock:
                    self._woken = False
                continue
            out.append((key.data, ev))
        return out

    def wakeup(self):
        with self._lock:
            if self._woken:
                return
            self._woken = True
        try:
            self._w.send(b"\0")
        except OSError:
            pass

    def close(self):
        self._sel.close()
        self._r.close()
        self._w.close()


class _Channel:
    __slots__ = ("_sock", "_connecting")

    def __init__(self, sock, connecting=False):
        self._sock = sock
        self._connecting = connecting

    def fileno(self):
        return self._sock.fileno()

    def accept(self):
        try:
            conn, addr = self._sock.accept()
        except (BlockingIOError, InterruptedError):
            return None
        conn.setblocking(False)
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return _Channel(conn), addr

    def finish_connect(self):
        err = self._sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err != 0:
            addr = self._connecting
            raise OSError(err, "Connect call failed %s" % (addr,))
        self._connecting = False
        return True

    def recv(self, n):
        try:
            return self._sock.recv(n)
        except (BlockingIOError, InterruptedError):
            return None

    def send(self, data):
        try:
            return self._sock.send(data)
        except (BlockingIOError, InterruptedError):
            return 0

    def shutdown_write(self):
        self._sock.shutdown(socket.SHUT_WR)

    def close(self):
        self._sock.close()

    def getsockname(self):
        return self._sock.getsockname()

    def getpeername(self):
        return self._sock.getpeername()

    def closed(self):
        return self._sock.fileno() == -1


def _family(host):
    return socket.AF_INET6 if host and ":" in host else socket.AF_INET


def tcp_listen(host, port, backlog, reuse_address=True):
    if host in (None, "", "localhost"):
        host = "127.0.0.1"
    s = socket.socket(_family(host), socket.SOCK_STREAM)
    try:
        if reuse_address:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((host, port))
        s.listen(backlog)
        s.setblocking(False)
    except OSError:
        s.close()
        raise
    return _Channel(s)


def tcp_connect(host, port):
    """Starts a non-blocking connect: (channel, connected_now)."""
    if host == "localhost":
        host = "127.0.0.1"
    s = socket.socket(_family(host), socket.SOCK_STREAM)
    s.setblocking(False)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        s.connect((host, port))
    except (BlockingIOError, InterruptedError):
        return _Channel(s, (host, port)), False
    except OSError as e:
        s.close()
        raise OSError(e.errno, "Connect call failed %s" % ((host, port),)) from None
    return _Channel(s), True
