"""Connection objects and Pipe(): two ends exchanging pickled objects.

The bytes travel through mailboxes in the root process's broker. A reader sees EOFError once
nothing is left and every copy of the writing end is closed (a copy lives in each process that
received it, and closes with that process, as a file descriptor would).
"""

import _multiprocessing as _mp

__all__ = ['Client', 'Listener', 'Pipe', 'wait', 'Connection']

_NOTHING = _mp.NOTHING


class Connection:
    """One end of a Pipe: send/recv pickled objects, send_bytes/recv_bytes raw bytes."""

    def __init__(self, handle, readable=True, writable=True):
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._handle = handle
        self._readable = readable
        self._writable = writable

    def __del__(self):
        if getattr(self, '_handle', None) is not None:
            try:
                _mp.conn_close(self._handle)
            except Exception:
                pass
            self._handle = None

    def _check_closed(self):
        if self._handle is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._handle is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        self._check_closed()
        return self._handle

    def close(self):
        if self._handle is not None:
            h, self._handle = self._handle, None
            _mp.conn_close(h)

    def send_bytes(self, buf, offset=0, size=None):
        self._check_closed()
        self._check_writable()
        m = memoryview(buf).tobytes() if not isinstance(buf, bytes) else buf
        n = len(m)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        _mp.conn_send_bytes(self._handle, m[offset:offset + size])

    def send(self, obj):
        self._check_closed()
        self._check_writable()
        _mp.conn_send(self._handle, obj)

    def recv_bytes(self, maxlength=None):
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = _mp.conn_recv_bytes(self._handle, True, None)
        if maxlength is not None and len(buf) > maxlength:
            raise OSError("bad message length")
        return buf

    def recv_bytes_into(self, buf, offset=0):
        self._check_closed()
        self._check_readable()
        data = _mp.conn_recv_bytes(self._handle, True, None)
        size = len(buf) if not hasattr(buf, 'nbytes') else buf.nbytes
        if offset < 0 or offset > size:
            raise ValueError("offset out of bounds")
        if len(data) + offset > size:
            from .context import BufferTooShort
            raise BufferTooShort(data)
        buf[offset:offset + len(data)] = data
        return len(data)

    def recv(self):
        self._check_closed()
        self._check_readable()
        return _mp.conn_recv(self._handle, True, None)

    def poll(self, timeout=0.0):
        """Whether there is data (or EOF) to read, waiting up to timeout (None: forever)."""
        self._check_closed()
        self._check_readable()
        return _mp.conn_poll(self._handle, timeout)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __reduce__(self):
        self._check_closed()
        return _rebuild_connection, (_mp.conn_transfer(self._handle), self._readable, self._writable)


def _rebuild_connection(transfer, readable, writable):
    return Connection(_mp.conn_adopt(transfer), readable, writable)


def Pipe(duplex=True):
    """Two connected Connection objects; with duplex=False the first only receives and the second only sends."""
    a, b = _mp.new_pipe(duplex)
    if duplex:
        return Connection(a), Connection(b)
    return Connection(a, writable=False), Connection(b, readable=False)


def wait(object_list, timeout=None):
    """The objects of object_list (Connections, Process sentinels) that are ready."""
    import time
    deadline = None if timeout is None else time.monotonic() + timeout
    delay = 0.0005
    while True:
        ready = []
        for o in object_list:
            if isinstance(o, Connection):
                if o.poll(0):
                    ready.append(o)
            elif isinstance(o, int):
                import os
                try:
                    os.kill(o, 0)
                except Exception:
                    ready.append(o)
            elif hasattr(o, 'poll') and o.poll(0):
                ready.append(o)
        if ready:
            return ready
        if deadline is not None and time.monotonic() >= deadline:
            return []
        time.sleep(delay)
        delay = min(delay * 2, 0.05)


def Listener(*args, **kwargs):
    raise NotImplementedError("multiprocessing.connection.Listener is not supported by Gilt")


def Client(*args, **kwargs):
    raise NotImplementedError("multiprocessing.connection.Client is not supported by Gilt")
