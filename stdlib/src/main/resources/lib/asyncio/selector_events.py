"""The selector event loop: readiness-based I/O and TCP socket transports.

Channels are the platform's non-blocking loopback TCP sockets (_compat.tcp_listen /
tcp_connect: Java NIO channels under Gilt, sockets under CPython). Their methods never raise
BlockingIOError: recv() returns None and send() returns 0 when they would block.

The loop keeps one entry per registered channel: [reader handle, writer handle, channel]. The
entry is also the selector's data, so a ready event leads straight to the handles.
"""

__all__ = ('BaseSelectorEventLoop', 'SelectorEventLoop')

from . import _compat
from . import base_events
from . import events
from . import futures
from . import protocols
from . import transports
from .log import logger

EVENT_READ = _compat.EVENT_READ
EVENT_WRITE = _compat.EVENT_WRITE

# Bytes asked of the kernel per read.
_MAX_READ = 256 * 1024

try:
    _BYTES_LIKE = (bytes, bytearray, memoryview)
except NameError:  # no memoryview in this interpreter
    _BYTES_LIKE = (bytes, bytearray)


def _require_no_ssl(ssl):
    if ssl:
        raise NotImplementedError("SSL/TLS is not supported by Gilt's asyncio")


class BaseSelectorEventLoop(base_events.BaseEventLoop):
    """An event loop that waits for I/O in a selector."""

    def __init__(self, selector=None):
        super().__init__()
        self._selector = _compat.Selector() if selector is None else selector
        self._io = {}  # channel -> [reader handle, writer handle, channel]
        self._set_selector(self._selector)

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self.is_closed():
            return
        super().close()
        sel = self._selector
        if sel is not None:
            self._selector = None
            self._set_selector(None)
            self._io.clear()
            sel.close()

    # ---- readers and writers ---------------------------------------------------------------

    def _mask(self, entry):
        return (EVENT_READ if entry[0] is not None else 0) | \
            (EVENT_WRITE if entry[1] is not None else 0)

    def _add_handler(self, chan, slot, callback, args):
        self._check_closed()
        handle = events.Handle(callback, args, self, None)
        entry = self._io.get(chan)
        if entry is None:
            entry = [None, None, chan]
            entry[slot] = handle
            self._selector.register(chan, self._mask(entry), entry)
            self._io[chan] = entry
        else:
            old = entry[slot]
            entry[slot] = handle
            self._selector.modify(chan, self._mask(entry), entry)
            if old is not None:
                old.cancel()
        return handle

    def _remove_handler(self, chan, slot):
        if self.is_closed():
            return False
        entry = self._io.get(chan)
        if entry is None:
            return False
        old = entry[slot]
        entry[slot] = None
        if entry[0] is None and entry[1] is None:
            del self._io[chan]
            self._selector.unregister(chan)
        else:
            self._selector.modify(chan, self._mask(entry), entry)
        if old is not None:
            old.cancel()
            return True
        return False

    def _add_reader(self, chan, callback, *args):
        return self._add_handler(chan, 0, callback, args)

    def _remove_reader(self, chan):
        return self._remove_handler(chan, 0)

    def _add_writer(self, chan, callback, *args):
        return self._add_handler(chan, 1, callback, args)

    def _remove_writer(self, chan):
        return self._remove_handler(chan, 1)

    def add_reader(self, fd, callback, *args):
        """Call callback(*args) whenever the channel is readable."""
        self._add_handler(fd, 0, callback, args)

    def remove_reader(self, fd):
        return self._remove_handler(fd, 0)

    def add_writer(self, fd, callback, *args):
        """Call callback(*args) whenever the channel is writable."""
        self._add_handler(fd, 1, callback, args)

    def remove_writer(self, fd):
        return self._remove_handler(fd, 1)

    # ---- connections -----------------------------------------------------------------------

    async def _connect_channel(self, host, port):
        chan, connected = _compat.tcp_connect(host, port)
        if connected:
            return chan
        fut = self.create_future()

        def on_writable():
            if fut.done():
                return
            try:
                connected = chan.finish_connect()
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                fut.set_exception(exc)
            else:
                if connected:
                    fut.set_result(None)

        self._add_writer(chan, on_writable)
        try:
            await fut
        except BaseException:
            chan.close()
            raise
        finally:
            self._remove_writer(chan)
        return chan

    async def create_connection(self, protocol_factory, host=None, port=None, *, ssl=None,
                                family=0, proto=0, flags=0, sock=None, local_addr=None,
                                server_hostname=None, ssl_handshake_timeout=None,
                                ssl_shutdown_timeout=None, happy_eyeballs_delay=None,
                                interleave=None, all_errors=False):
        """Connect to host:port over TCP; returns (transport, protocol)."""
        _require_no_ssl(ssl)
        if server_hostname is not None:
            raise ValueError('server_hostname is only meaningful with ssl')
        if sock is not None:
            if host is not None or port is not None:
                raise ValueError('host/port and sock can not be specified at the same time')
            chan = sock
        else:
            if host is None and port is None:
                raise ValueError('host and port was not specified and no sock specified')
            chan = await self._connect_channel(host, port)
        try:
            return await self._create_connection_transport(chan, protocol_factory)
        except BaseException:
            chan.close()
            raise

    async def _create_connection_transport(self, chan, protocol_factory, extra=None,
                                           server=None):
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = _SocketTransport(self, chan, protocol, waiter, extra, server)
        try:
            await waiter
        except BaseException:
            transport.close()
            raise
        return transport, protocol

    async def create_server(self, protocol_factory, host=None, port=None, *, family=0,
                            flags=None, sock=None, backlog=100, ssl=None, reuse_address=None,
                            reuse_port=None, keep_alive=None, ssl_handshake_timeout=None,
                            ssl_shutdown_timeout=None, start_serving=True):
        """Listen on host:port; returns a Server."""
        _require_no_ssl(ssl)
        if isinstance(host, (list, tuple, set)):
            hosts = list(host)
        else:
            hosts = [host]
        if sock is not None:
            if host is not None or port is not None:
                raise ValueError('host/port and sock can not be specified at the same time')
            chans = [sock]
        else:
            chans = []
            try:
                for h in hosts:
                    chans.append(_compat.tcp_listen(h, 0 if port is None else port, backlog,
                                                    reuse_address is not False))
            except BaseException:
                for c in chans:
                    c.close()
                raise
        server = base_events.Server(self, chans, protocol_factory, None, backlog)
        if start_serving:
            server._start_serving()
            # One iteration so that the accept readers are in place before we return.
            await _sleep0()
        return server

    def _start_serving(self, protocol_factory, chan, sslcontext=None, server=None, backlog=100):
        self._add_reader(chan, self._accept_connection, protocol_factory, chan, server, backlog)

    def _stop_serving(self, chan):
        self._remove_reader(chan)
        chan.close()

    def _accept_connection(self, protocol_factory, listener, server, backlog):
        # Several connections may be waiting; take up to backlog of them now.
        for _ in range(backlog):
            try:
                accepted = listener.accept()
            except (SystemExit, KeyboardInterrupt):
                raise
            except OSError as exc:
                self.call_exception_handler({
                    'message': 'socket.accept() out of system resource',
                    'exception': exc,
                    'socket': listener,
                })
                self._remove_reader(listener)
                self.call_later(1, self._start_serving, protocol_factory, listener, None,
                                server, backlog)
                return
            if accepted is None:
                return
            conn, addr = accepted
            extra = {'peername': addr}
            self.create_task(self._accept_connection2(protocol_factory, conn, extra, server))

    async def _accept_connection2(self, protocol_factory, conn, extra, server):
        protocol = None
        transport = None
        try:
            protocol = protocol_factory()
            waiter = self.create_future()
            transport = _SocketTransport(self, conn, protocol, waiter, extra, server)
            try:
                await waiter
            except BaseException:
                transport.close()
                raise
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if self._debug:
                context = {
                    'message': 'Error on transport creation for incoming connection',
                    'exception': exc,
                }
                if protocol is not None:
                    context['protocol'] = protocol
                if transport is not None:
                    context['transport'] = transport
                self.call_exception_handler(context)


class _Sleep0:
    __slots__ = ()

    def __await__(self):
        yield


def _sleep0():
    return _Sleep0()


class _SocketTransport(transports.Transport):
    """A TCP connection: reads feed protocol.data_received, writes are buffered when the
    kernel buffer is full, with pause_writing/resume_writing at the water marks."""

    _start_tls_compatible = False

    def __init__(self, loop, chan, protocol, waiter=None, extra=None, server=None):
        super().__init__(extra)
        self._extra['socket'] = chan
        try:
            self._extra.setdefault('sockname', chan.getsockname())
        except OSError:
            self._extra['sockname'] = None
        if 'peername' not in self._extra:
            try:
                self._extra['peername'] = chan.getpeername()
            except OSError:
                self._extra['peername'] = None
        self._loop = loop
        self._sock = chan
        self._protocol = protocol
        self._protocol_connected = True
        self._server = server
        self._buffer = []          # pending writes (bytes objects)
        self._buffer_size = 0
        self._conn_lost = 0
        self._closing = False
        self._paused = False
        self._eof = False
        self._protocol_paused = False
        self._high_water = 64 * 1024
        self._low_water = 16 * 1024
        if server is not None:
            server._attach()
        loop.call_soon(self._protocol.connection_made, self)
        loop.call_soon(self._add_reader, self._read_ready)
        if waiter is not None:
            loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._sock is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        return '<{}>'.format(' '.join(info))

    def _add_reader(self, callback, *args):
        if not self.is_reading():
            return
        self._loop._add_reader(self._sock, callback, *args)

    def set_protocol(self, protocol):
        self._protocol = protocol
        self._protocol_connected = True

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self.is_closing() and not self._paused

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        self._loop._remove_reader(self._sock)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._add_reader(self._read_ready)

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._loop._remove_reader(self._sock)
        if not self._buffer:
            self._conn_lost += 1
            self._loop._remove_writer(self._sock)
            self._loop.call_soon(self._call_connection_lost, None)

    def abort(self):
        self._force_close(None)

    def _fatal_error(self, exc, message='Fatal error on transport'):
        if isinstance(exc, OSError):
            if self._loop.get_debug():
                logger.debug("%r: %s", self, message, exc_info=True)
        else:
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer.clear()
            self._buffer_size = 0
            self._loop._remove_writer(self._sock)
        if not self._closing:
            self._closing = True
            self._loop._remove_reader(self._sock)
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            if self._protocol_connected:
                self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None
            self._loop = None
            server = self._server
            if server is not None:
                server._detach()
                self._server = None

    # ---- reading ---------------------------------------------------------------------------

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data = self._sock.recv(_MAX_READ)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if data is None:
            return  # spurious wakeup
        if not data:
            self._read_ready_eof()
            return
        try:
            self._protocol.data_received(data)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.data_received() call failed.')

    def _read_ready_eof(self):
        if self._loop.get_debug():
            logger.debug("%r received EOF", self)
        try:
            keep_open = self._protocol.eof_received()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.eof_received() call failed.')
            return
        if keep_open:
            # Half-closed: we may still write; reading is over.
            self._loop._remove_reader(self._sock)
        else:
            self.close()

    # ---- writing ---------------------------------------------------------------------------

    def write(self, data):
        if not isinstance(data, _BYTES_LIKE):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data:
            return
        if self._conn_lost:
            if self._conn_lost >= 5:
                logger.warning('socket.send() raised exception.')
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                n = self._sock.send(data)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on socket transport')
                return
            if n == len(data):
                return
            data = bytes(data[n:])
            self._loop._add_writer(self._sock, self._write_ready)
        else:
            data = bytes(data)
        self._buffer.append(data)
        self._buffer_size += len(data)
        self._maybe_pause_protocol()

    def _write_ready(self):
        if self._conn_lost:
            return
        buf = self._buffer
        while buf:
            chunk = buf[0]
            try:
                n = self._sock.send(chunk)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._loop._remove_writer(self._sock)
                buf.clear()
                self._buffer_size = 0
                self._fatal_error(exc, 'Fatal write error on socket transport')
                return
            self._buffer_size -= n
            if n < len(chunk):
                buf[0] = chunk[n:]
                break
            buf.pop(0)
        self._maybe_resume_protocol()
        if not buf:
            self._loop._remove_writer(self._sock)
            if self._closing:
                self._call_connection_lost(None)
            elif self._eof:
                self._sock.shutdown_write()

    def writelines(self, list_of_data):
        for data in list_of_data:
            self.write(data)

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        if not self._buffer:
            self._sock.shutdown_write()

    def can_write_eof(self):
        return True

    def get_write_buffer_size(self):
        return self._buffer_size

    def get_write_buffer_limits(self):
        return (self._low_water, self._high_water)

    def set_write_buffer_limits(self, high=None, low=None):
        if high is None:
            high = 64 * 1024 if low is None else 4 * low
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError(f'high ({high!r}) must be >= low ({low!r}) must be >= 0')
        self._high_water = high
        self._low_water = low
        self._maybe_pause_protocol()

    def _maybe_pause_protocol(self):
        if self._buffer_size <= self._high_water or self._protocol_paused:
            return
        self._protocol_paused = True
        try:
            self._protocol.pause_writing()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': 'protocol.pause_writing() failed',
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })

    def _maybe_resume_protocol(self):
        if self._protocol_paused and self._buffer_size <= self._low_water:
            self._protocol_paused = False
            try:
                self._protocol.resume_writing()
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._loop.call_exception_handler({
                    'message': 'protocol.resume_writing() failed',
                    'exception': exc,
                    'transport': self,
                    'protocol': self._protocol,
                })


class SelectorEventLoop(BaseSelectorEventLoop):
    """The event loop of Gilt's asyncio (a selector loop, as on Unix)."""


class DefaultEventLoopPolicy(events.BaseDefaultEventLoopPolicy):
    _loop_factory = SelectorEventLoop
