"""Protocol base classes: what a transport calls back."""

__all__ = ('BaseProtocol', 'Protocol', 'DatagramProtocol', 'SubprocessProtocol',
           'BufferedProtocol')


class BaseProtocol:
    """Callbacks common to every protocol (all optional)."""

    __slots__ = ()

    def connection_made(self, transport):
        """The connection is up; transport is how to talk back."""

    def connection_lost(self, exc):
        """The connection is gone; exc is None on a normal close or EOF."""

    def pause_writing(self):
        """The transport's write buffer went over its high-water mark."""

    def resume_writing(self):
        """The transport's write buffer drained below its low-water mark."""


class Protocol(BaseProtocol):
    """A stream protocol: data_received() for each chunk, eof_received() at the end."""

    __slots__ = ()

    def data_received(self, data):
        """Some bytes arrived."""

    def eof_received(self):
        """The peer will send no more. Return a true value to keep the write side open."""


class BufferedProtocol(BaseProtocol):
    """A stream protocol that supplies its own receive buffers."""

    __slots__ = ()

    def get_buffer(self, sizehint):
        raise NotImplementedError

    def buffer_updated(self, nbytes):
        raise NotImplementedError

    def eof_received(self):
        """The peer will send no more."""


class DatagramProtocol(BaseProtocol):
    """Datagram protocol (Gilt has no datagram endpoints yet)."""

    __slots__ = ()

    def datagram_received(self, data, addr):
        """A datagram arrived."""

    def error_received(self, exc):
        """A send or receive failed."""


class SubprocessProtocol(BaseProtocol):
    """Subprocess protocol (Gilt has no asyncio subprocesses yet)."""

    __slots__ = ()

    def pipe_data_received(self, fd, data):
        """The child wrote to stdout or stderr."""

    def pipe_connection_lost(self, fd, exc):
        """One of the child's pipes closed."""

    def process_exited(self):
        """The child exited."""
