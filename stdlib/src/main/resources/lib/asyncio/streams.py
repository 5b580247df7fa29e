"""Streams: StreamReader/StreamWriter over a TCP transport, open_connection, start_server.

Data flow: the transport calls StreamReaderProtocol.data_received, which appends to the
reader's buffer and wakes the one coroutine waiting in a read method. When the buffer grows past
twice the limit the reader pauses the transport, and resumes it once a read brings the buffer
back under the limit. Writes go straight to the transport; drain() waits while the transport's
write buffer is over its high-water mark.
"""

__all__ = ('StreamReader', 'StreamWriter', 'StreamReaderProtocol',
           'open_connection', 'start_server')

from . import _compat
from . import coroutines
from . import events
from . import exceptions
from . import protocols
from .tasks import sleep

_DEFAULT_LIMIT = 2 ** 16  # 64 KiB


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Connect to host:port; returns (StreamReader, StreamWriter).

    The other keyword arguments go to loop.create_connection().
    """
    loop = events.get_running_loop()
    reader = StreamReader(limit=limit, loop=loop)
    protocol = StreamReaderProtocol(reader, loop=loop)
    transport, _ = await loop.create_connection(lambda: protocol, host, port, **kwds)
    writer = StreamWriter(transport, protocol, reader, loop)
    return reader, writer


async def start_server(client_connected_cb, host=None, port=None, *,
                       limit=_DEFAULT_LIMIT, **kwds):
    """Serve host:port: client_connected_cb(reader, writer) runs for each connection.

    If the callback is a coroutine function, each call runs as a Task. Returns the Server;
    the other keyword arguments go to loop.create_server().
    """
    loop = events.get_running_loop()

    def make_protocol():
        reader = StreamReader(limit=limit, loop=loop)
        return StreamReaderProtocol(reader, client_connected_cb, loop=loop)

    return await loop.create_server(make_protocol, host, port, **kwds)


class FlowControlMixin(protocols.Protocol):
    """Lets writers wait in drain() while the transport says its buffer is too full."""

    def __init__(self, loop=None):
        self._loop = events.get_event_loop() if loop is None else loop
        self._paused = False
        self._drain_waiters = _compat.deque()
        self._connection_lost = False

    def pause_writing(self):
        assert not self._paused
        self._paused = True

    def resume_writing(self):
        assert self._paused
        self._paused = False
        for waiter in self._drain_waiters:
            if not waiter.done():
                waiter.set_result(None)

    def connection_lost(self, exc):
        self._connection_lost = True
        if not self._paused:
            return
        for waiter in self._drain_waiters:
            if not waiter.done():
                if exc is None:
                    waiter.set_result(None)
                else:
                    waiter.set_exception(exc)

    async def _drain_helper(self):
        if self._connection_lost:
            raise ConnectionResetError('Connection lost')
        if not self._paused:
            return
        waiter = self._loop.create_future()
        self._drain_waiters.append(waiter)
        try:
            await waiter
        finally:
            self._drain_waiters.remove(waiter)

    def _get_close_waiter(self, stream):
        raise NotImplementedError


class StreamReaderProtocol(FlowControlMixin, protocols.Protocol):
    """Adapts a transport's callbacks to a StreamReader (and, on the server side, starts the
    client_connected_cb with a fresh StreamWriter)."""

    def __init__(self, stream_reader, client_connected_cb=None, loop=None):
        super().__init__(loop=loop)
        self._stream_reader = stream_reader
        self._stream_writer = None
        self._task = None
        self._transport = None
        self._client_connected_cb = client_connected_cb
        self._over_ssl = False
        self._closed = self._loop.create_future()

    def connection_made(self, transport):
        reader = self._stream_reader
        if reader is not None:
            reader.set_transport(transport)
        self._transport = transport
        cb = self._client_connected_cb
        if cb is None:
            return
        self._stream_writer = StreamWriter(transport, self, reader, self._loop)
        res = cb(reader, self._stream_writer)
        if coroutines.iscoroutine(res):
            loop = self._loop

            def on_handler_done(task):
                # 3.12: a failed or cancelled handler closes its connection.
                if task.cancelled():
                    transport.close()
                    return
                exc = task.exception()
                if exc is not None:
                    loop.call_exception_handler({
                        'message': 'Unhandled exception in client_connected_cb',
                        'exception': exc,
                        'transport': transport,
                    })
                    transport.close()

            self._task = loop.create_task(res)
            self._task.add_done_callback(on_handler_done)

    def connection_lost(self, exc):
        reader = self._stream_reader
        if reader is not None:
            if exc is None:
                reader.feed_eof()
            else:
                reader.set_exception(exc)
        if not self._closed.done():
            if exc is None:
                self._closed.set_result(None)
            else:
                self._closed.set_exception(exc)
        super().connection_lost(exc)
        self._stream_reader = None
        self._stream_writer = None
        self._task = None
        self._transport = None

    def data_received(self, data):
        reader = self._stream_reader
        if reader is not None:
            reader.feed_data(data)

    def eof_received(self):
        reader = self._stream_reader
        if reader is not None:
            reader.feed_eof()
        # Keep the write side open: the other end only shut down its writing.
        return not self._over_ssl

    def _get_close_waiter(self, stream):
        return self._closed

    def __del__(self):
        # Mark an exception on the close waiter as seen: nobody may ever await it.
        closed = getattr(self, '_closed', None)
        if closed is not None and closed.done() and not closed.cancelled():
            closed.exception()


class StreamWriter:
    """The write half of a connection: write()/writelines() then ``await drain()``."""

    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        info = [self.__class__.__name__, f'transport={self._transport!r}']
        if self._reader is not None:
            info.append(f'reader={self._reader!r}')
        return '<{}>'.format(' '.join(info))

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        self._transport.writelines(data)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return self._transport.can_write_eof()

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        """Wait until the connection is fully closed."""
        await self._protocol._get_close_waiter(self)

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        """Wait until it is all right to write again (flow control).

        Raises the reader's exception if the connection failed, ConnectionResetError if it
        was lost.
        """
        reader = self._reader
        if reader is not None:
            exc = reader.exception()
            if exc is not None:
                raise exc
        if self._transport.is_closing():
            # Let connection_lost run first (it is already scheduled), so that the
            # ConnectionResetError below is raised instead of waiting forever.
            await sleep(0)
        await self._protocol._drain_helper()

    async def start_tls(self, sslcontext, *, server_hostname=None, ssl_handshake_timeout=None,
                        ssl_shutdown_timeout=None):
        raise NotImplementedError("SSL/TLS is not supported by Gilt's asyncio")


class StreamReader:
    """Buffered reading from a connection: read, readline, readexactly, readuntil."""

    _source_traceback = None

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        # limit bounds readline()/readuntil() lines and, times two, the buffer before the
        # transport is paused.
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._loop = events.get_event_loop() if loop is None else loop
        self._buffer = bytearray()
        self._eof = False
        self._waiter = None      # the Future of the one coroutine waiting for data
        self._exception = None
        self._transport = None
        self._paused = False

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        if self._limit != _DEFAULT_LIMIT:
            info.append(f'limit={self._limit}')
        if self._waiter:
            info.append(f'waiter={self._waiter!r}')
        if self._exception:
            info.append(f'exception={self._exception!r}')
        if self._transport:
            info.append(f'transport={self._transport!r}')
        if self._paused:
            info.append('paused')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_exception(exc)

    def _wakeup_waiter(self):
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_result(None)

    def set_transport(self, transport):
        assert self._transport is None, 'Transport already set'
        self._transport = transport

    def _maybe_resume_transport(self):
        if self._paused and len(self._buffer) <= self._limit:
            self._paused = False
            self._transport.resume_reading()

    def feed_eof(self):
        self._eof = True
        self._wakeup_waiter()

    def at_eof(self):
        """True once EOF was fed and the buffer is empty."""
        return self._eof and not self._buffer

    def feed_data(self, data):
        assert not self._eof, 'feed_data after feed_eof'
        if not data:
            return
        self._buffer.extend(data)
        self._wakeup_waiter()
        if (self._transport is not None and not self._paused and
                len(self._buffer) > 2 * self._limit):
            try:
                self._transport.pause_reading()
            except NotImplementedError:
                # The transport cannot pause: stop trying.
                self._transport = None
            else:
                self._paused = True

    async def _wait_for_data(self, func_name):
        """Wait until feed_data() or feed_eof() is called."""
        if self._waiter is not None:
            raise RuntimeError(f'{func_name}() called while another coroutine is '
                               f'already waiting for incoming data')
        assert not self._eof, '_wait_for_data after EOF'
        if self._paused:
            # The buffer is over the limit and still we wait: let more data in.
            self._paused = False
            self._transport.resume_reading()
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    def _take(self, n):
        """Remove and return the first n bytes of the buffer."""
        buf = self._buffer
        if n >= len(buf):
            data = bytes(buf)
            buf.clear()
        else:
            data = bytes(buf[:n])
            del buf[:n]
        return data

    async def readline(self):
        """Read up to and including b'\\n'; at EOF, what is left (b'' when nothing is).

        A line longer than the limit raises ValueError (and is discarded).
        """
        try:
            return await self.readuntil(b'\n')
        except exceptions.IncompleteReadError as e:
            return e.partial
        except exceptions.LimitOverrunError as e:
            if self._buffer.startswith(b'\n', e.consumed):
                del self._buffer[:e.consumed + 1]
            else:
                self._buffer.clear()
            self._maybe_resume_transport()
            raise ValueError(e.args[0])

    async def readuntil(self, separator=b'\n'):
        """Read up to and including separator.

        EOF first: IncompleteReadError carrying what was read. No separator within the
        limit: LimitOverrunError (the data stays in the buffer).
        """
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        # Where the separator could start in data not searched yet.
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = self._buffer.find(separator, offset)
                if isep != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise exceptions.LimitOverrunError(
                        'Separator is not found, and chunk exceed the limit', offset)
            if self._eof:
                chunk = bytes(self._buffer)
                self._buffer.clear()
                raise exceptions.IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')
        if isep > self._limit:
            raise exceptions.LimitOverrunError(
                'Separator is found, but chunk is longer than limit', isep)
        chunk = self._take(isep + seplen)
        self._maybe_resume_transport()
        return chunk

    async def read(self, n=-1):
        """Read up to n bytes (n < 0: until EOF). b'' means EOF."""
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            # Read in chunks of the limit, so the transport can be paused meanwhile.
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._buffer and not self._eof:
            await self._wait_for_data('read')
        data = self._take(n)
        self._maybe_resume_transport()
        return data

    async def readexactly(self, n):
        """Read exactly n bytes; IncompleteReadError if EOF comes first."""
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                partial = bytes(self._buffer)
                self._buffer.clear()
                raise exceptions.IncompleteReadError(partial, n)
            await self._wait_for_data('readexactly')
        data = self._take(n)
        self._maybe_resume_transport()
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if line == b'':
            raise StopAsyncIteration
        return line
