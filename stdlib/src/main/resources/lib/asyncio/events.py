"""Event loop handles, the abstract loop and server, the policy and the running-loop functions."""

__all__ = (
    'AbstractEventLoopPolicy',
    'AbstractEventLoop', 'AbstractServer',
    'Handle', 'TimerHandle',
    'get_event_loop_policy', 'set_event_loop_policy',
    'get_event_loop', 'set_event_loop', 'new_event_loop',
    'get_child_watcher', 'set_child_watcher',
    '_set_running_loop', 'get_running_loop',
    '_get_running_loop',
)

import sys

from . import _compat
from . import format_helpers


class Handle:
    """Object returned by callback registration methods."""

    __slots__ = ('_callback', '_args', '_cancelled', '_loop', '_source_traceback', '_repr',
                 '_context', '__weakref__')

    def __init__(self, callback, args, loop, context=None):
        self._context = context
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None
        self._source_traceback = None

    def _repr_info(self):
        return _handle_repr_info(self)

    def __repr__(self):
        return _handle_repr(self)

    def get_context(self):
        return self._context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            if self._loop.get_debug():
                # Keep a representation in debug mode to keep callback and parameters.
                self._repr = repr(self)
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            ctx = self._context
            if ctx is None:
                self._callback(*self._args)
            else:
                ctx.run(self._callback, *self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            cb = format_helpers._format_callback_source(self._callback, self._args)
            msg = f'Exception in callback {cb}'
            context = {
                'message': msg,
                'exception': exc,
                'handle': self,
            }
            if self._source_traceback:
                context['source_traceback'] = self._source_traceback
            self._loop.call_exception_handler(context)
        self = None  # Needed to break cycles when an exception occurs.


class TimerHandle(Handle):
    """Object returned by timed callback registration methods."""

    __slots__ = ['_scheduled', '_when']

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def _repr_info(self):
        return _handle_repr_info(self)

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when or self.__eq__(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when or self.__eq__(other)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and
                    self._callback == other._callback and
                    self._args == other._args and
                    self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        """Return a scheduled callback time (an absolute timestamp, float, on loop.time())."""
        return self._when


def _handle_repr_info(handle):
    info = [handle.__class__.__name__]
    if handle._cancelled:
        info.append('cancelled')
    if handle._callback is not None:
        info.append(format_helpers._format_callback_source(handle._callback, handle._args))
    if handle._source_traceback:
        frame = handle._source_traceback[-1]
        info.append(f'created at {frame[0]}:{frame[1]}')
    if isinstance(handle, TimerHandle):
        info.insert(2 if handle._cancelled else 1, f'when={handle._when}')
    return info


def _handle_repr(handle):
    if handle._repr is not None:
        return handle._repr
    return '<{}>'.format(' '.join(_handle_repr_info(handle)))


# Gilt's Java handles (module _asyncio) replace these classes, which stay as _PyHandle and
# _PyTimerHandle.
_PyHandle = Handle
_PyTimerHandle = TimerHandle
_asyncio = _compat.accel
if _asyncio is not None:
    Handle = _asyncio.Handle
    TimerHandle = _asyncio.TimerHandle
    _asyncio._set_hooks(handle_repr=_handle_repr,
                        format_callback=format_helpers._format_callback_source)


class AbstractServer:
    """Abstract server returned by create_server()."""

    def close(self):
        raise NotImplementedError

    def get_loop(self):
        raise NotImplementedError

    def is_serving(self):
        raise NotImplementedError

    async def start_serving(self):
        raise NotImplementedError

    async def serve_forever(self):
        raise NotImplementedError

    async def wait_closed(self):
        raise NotImplementedError

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


class AbstractEventLoop:
    """Abstract event loop: the methods every loop has (see base_events for the real one)."""

    def run_forever(self):
        raise NotImplementedError

    def run_until_complete(self, future):
        raise NotImplementedError

    def stop(self):
        raise NotImplementedError

    def is_running(self):
        raise NotImplementedError

    def is_closed(self):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    async def shutdown_asyncgens(self):
        raise NotImplementedError

    async def shutdown_default_executor(self):
        raise NotImplementedError

    def call_soon(self, callback, *args, context=None):
        raise NotImplementedError

    def call_later(self, delay, callback, *args, context=None):
        raise NotImplementedError

    def call_at(self, when, callback, *args, context=None):
        raise NotImplementedError

    def time(self):
        raise NotImplementedError

    def create_future(self):
        raise NotImplementedError

    def create_task(self, coro, *, name=None, context=None):
        raise NotImplementedError

    def call_soon_threadsafe(self, callback, *args, context=None):
        raise NotImplementedError

    def run_in_executor(self, executor, func, *args):
        raise NotImplementedError

    def set_default_executor(self, executor):
        raise NotImplementedError

    async def create_connection(self, protocol_factory, host=None, port=None, **kwargs):
        raise NotImplementedError

    async def create_server(self, protocol_factory, host=None, port=None, **kwargs):
        raise NotImplementedError

    def add_reader(self, fd, callback, *args):
        raise NotImplementedError

    def remove_reader(self, fd):
        raise NotImplementedError

    def add_writer(self, fd, callback, *args):
        raise NotImplementedError

    def remove_writer(self, fd):
        raise NotImplementedError

    def add_signal_handler(self, sig, callback, *args):
        raise NotImplementedError

    def remove_signal_handler(self, sig):
        raise NotImplementedError

    def set_task_factory(self, factory):
        raise NotImplementedError

    def get_task_factory(self):
        raise NotImplementedError

    def get_exception_handler(self):
        raise NotImplementedError

    def set_exception_handler(self, handler):
        raise NotImplementedError

    def default_exception_handler(self, context):
        raise NotImplementedError

    def call_exception_handler(self, context):
        raise NotImplementedError

    def get_debug(self):
        raise NotImplementedError

    def set_debug(self, enabled):
        raise NotImplementedError


class AbstractEventLoopPolicy:
    """Abstract policy for accessing the event loop."""

    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError

    def get_child_watcher(self):
        raise NotImplementedError

    def set_child_watcher(self, watcher):
        raise NotImplementedError


class _PerThread:
    """Per-thread (loop, set_called) slots: threading.local without needing threading."""

    def __init__(self):
        self._slots = {}

    def get(self):
        s = self._slots.get(_compat.get_ident())
        if s is None:
            s = [None, False]
            self._slots[_compat.get_ident()] = s
        return s


def _current_thread_name():
    try:
        import threading
    except ImportError:
        return 'MainThread' if _compat.is_main_thread() else 'Thread-%d' % _compat.get_ident()
    return threading.current_thread().name


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """Default policy: one event loop per thread, created on demand in the main thread only."""

    _loop_factory = None

    def __init__(self):
        self._local = _PerThread()

    def get_event_loop(self):
        """Get the event loop for the current context.

        Returns an instance of EventLoop or raises an exception.
        """
        slot = self._local.get()
        if slot[0] is None and not slot[1] and _compat.is_main_thread():
            stacklevel = 2
            try:
                f = sys._getframe(1)
            except (AttributeError, ValueError):
                pass
            else:
                # Attach the warning to the first line outside asyncio itself.
                while f:
                    module = f.f_globals.get('__name__')
                    if not (module == __package__ or
                            (module and module.startswith(__package__ + '.'))):
                        break
                    f = f.f_back
                    stacklevel += 1
            _compat.warn('There is no current event loop', DeprecationWarning, stacklevel=stacklevel)
            self.set_event_loop(self.new_event_loop())
            slot = self._local.get()

        if slot[0] is None:
            raise RuntimeError('There is no current event loop in thread %r.'
                               % _current_thread_name())
        return slot[0]

    def set_event_loop(self, loop):
        """Set the event loop."""
        slot = self._local.get()
        slot[1] = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not "
                            f"'{type(loop).__name__}'")
        slot[0] = loop

    def new_event_loop(self):
        """Create a new event loop."""
        return self._loop_factory()

    def get_child_watcher(self):
        raise NotImplementedError("child watchers are not supported by Gilt")

    def set_child_watcher(self, watcher):
        raise NotImplementedError("child watchers are not supported by Gilt")


# Event loop policy. The policy itself is always global, even if the policy's rules say that
# there is an event loop per thread.
_event_loop_policy = None


def _get_running_loop():
    """Return the running event loop or None (the low-level version of get_running_loop)."""
    return _compat.get_running_loop_raw()


def _set_running_loop(loop):
    """Set the running event loop of this thread (for loop implementations)."""
    _compat.set_running_loop(loop)


def get_running_loop():
    """Return the running event loop.  Raise a RuntimeError if there is none."""
    loop = _compat.get_running_loop_raw()
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def _init_event_loop_policy():
    global _event_loop_policy
    if _event_loop_policy is None:
        from . import DefaultEventLoopPolicy
        _event_loop_policy = DefaultEventLoopPolicy()


def get_event_loop_policy():
    """Get the current event loop policy."""
    if _event_loop_policy is None:
        _init_event_loop_policy()
    return _event_loop_policy


def set_event_loop_policy(policy):
    """Set the current event loop policy (None: the default)."""
    global _event_loop_policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not "
                        f"'{type(policy).__name__}'")
    _event_loop_policy = policy


def get_event_loop():
    """Return the running loop, else the policy's loop for this thread (3.12 semantics)."""
    current_loop = _compat.get_running_loop_raw()
    if current_loop is not None:
        return current_loop
    return get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    """Equivalent to calling get_event_loop_policy().set_event_loop(loop)."""
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    """Equivalent to calling get_event_loop_policy().new_event_loop()."""
    return get_event_loop_policy().new_event_loop()


def get_child_watcher():
    return get_event_loop_policy().get_child_watcher()


def set_child_watcher(watcher):
    return get_event_loop_policy().set_child_watcher(watcher)
