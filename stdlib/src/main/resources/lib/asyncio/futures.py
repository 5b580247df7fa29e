"""Future: a result that arrives later, plus callbacks to run when it does.

How a Task waits on a Future: ``await fut`` runs ``Future.__await__``; while the future is
pending it marks itself with ``_asyncio_future_blocking = True`` and yields itself. The Task
stepping the coroutine sees that flag (tasks.Task._park), clears it, and adds its wakeup
method as a done callback. Any class with an ``_asyncio_future_blocking`` attribute that is
not None takes part in this protocol (isfuture()).

Callbacks never run inside set_result()/set_exception()/cancel(): they are handed to the
loop's call_soon, in registration order, so they run on a later loop iteration.
"""

__all__ = ('Future', 'wrap_future', 'isfuture')

import sys

from . import _compat
from . import events
from . import exceptions
from . import format_helpers

# The three states. They show (lower-cased) in reprs and verbatim in InvalidStateError.
_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    """True for an asyncio.Future or an object of a class that speaks the same protocol."""
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


def _describe_callbacks(callbacks):
    """'cb=[...]' for a repr: the first and last callbacks, and how many sit in between."""
    def one(entry):
        return format_helpers._format_callback_source(entry[0], ())

    n = len(callbacks)
    if n == 1:
        inner = one(callbacks[0])
    elif n == 2:
        inner = one(callbacks[0]) + ', ' + one(callbacks[1])
    else:
        inner = f'{one(callbacks[0])}, <{n - 2} more>, {one(callbacks[-1])}'
    return f'cb=[{inner}]'


def _future_repr_info(fut):
    parts = [fut._state.lower()]
    if fut._state == _FINISHED:
        if fut._exception is None:
            parts.append('result=' + format_helpers.short_repr(fut._result))
        else:
            parts.append(f'exception={fut._exception!r}')
    if fut._callbacks:
        parts.append(_describe_callbacks(fut._callbacks))
    if fut._source_traceback:
        origin = fut._source_traceback[-1]
        parts.append(f'created at {origin[0]}:{origin[1]}')
    return parts


class Future:
    """A placeholder for a result computed later on an event loop.

    Like concurrent.futures.Future, except that result() and exception() never block (they
    raise InvalidStateError while pending) and done callbacks go through the loop.
    """

    # Defaults live on the class so a new future only stores what differs.
    _state = _PENDING
    _result = None
    _exception = None
    _exception_tb = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    _cancelled_exc = None
    _callbacks = None          # None until the first callback (CPython also shows None)
    _log_tb = False            # an exception is set and nobody looked at it yet

    # Marks the class as a Future (must not be None) and, when True on an instance, tells the
    # Task that the yielded object wants it to wait.
    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        self._loop = events.get_event_loop() if loop is None else loop

    def __repr__(self):
        return f"<{self.__class__.__name__} {' '.join(self._repr_info())}>"

    def _repr_info(self):
        return _future_repr_info(self)

    def __del__(self):
        if self._log_tb:
            self._report_unretrieved()

    def _report_unretrieved(self):
        ctx = {
            'message': f'{self.__class__.__name__} exception was never retrieved',
            'exception': self._exception,
            'future': self,
        }
        if self._source_traceback:
            ctx['source_traceback'] = self._source_traceback
        self._loop.call_exception_handler(ctx)

    __class_getitem__ = classmethod(lambda cls, item: cls)

    @property
    def _log_traceback(self):
        return self._log_tb

    @_log_traceback.setter
    def _log_traceback(self, val):
        if val:
            raise ValueError('_log_traceback can only be set to False')
        self._log_tb = False

    def get_loop(self):
        """The event loop this future belongs to."""
        loop = self._loop
        if loop is None:
            raise RuntimeError("Future object is not initialized.")
        return loop

    def _make_cancelled_error(self):
        """The CancelledError to raise for this cancelled future.

        The first call hands out the CancelledError that actually stopped the coroutine (kept
        in _cancelled_exc) if there is one; later calls build a fresh one from the message.
        """
        exc = self._cancelled_exc
        if exc is not None:
            self._cancelled_exc = None
            return exc
        msg = self._cancel_message
        return exceptions.CancelledError() if msg is None else exceptions.CancelledError(msg)

    def cancel(self, msg=None):
        """Cancel a pending future and schedule its callbacks; False if it was already done."""
        self._log_tb = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        cbs = self._callbacks
        if cbs:
            self._callbacks = None
            call_soon = self._loop.call_soon
            for fn, ctx in cbs:
                call_soon(fn, self, context=ctx)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        """The result; raises the future's exception, CancelledError or InvalidStateError."""
        state = self._state
        if state == _FINISHED:
            self._log_tb = False
            exc = self._exception
            if exc is None:
                return self._result
            raise exc.with_traceback(self._exception_tb)
        if state == _CANCELLED:
            raise self._make_cancelled_error()
        raise exceptions.InvalidStateError('Result is not set.')

    def exception(self):
        """The exception set on the future or None; CancelledError/InvalidStateError as result()."""
        state = self._state
        if state == _FINISHED:
            self._log_tb = False
            return self._exception
        if state == _CANCELLED:
            raise self._make_cancelled_error()
        raise exceptions.InvalidStateError('Exception is not set.')

    def add_done_callback(self, fn, *, context=None):
        """Run fn(future) through the loop once the future is done (soon, if it already is)."""
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
            return
        if context is None and _compat.copy_context is not None:
            context = _compat.copy_context()
        cbs = self._callbacks
        if cbs is None:
            self._callbacks = [(fn, context)]
        else:
            cbs.append((fn, context))

    def remove_done_callback(self, fn):
        """Forget every registration of fn; returns how many there were."""
        cbs = self._callbacks
        if not cbs:
            return 0
        kept = [entry for entry in cbs if entry[0] != fn]
        removed = len(cbs) - len(kept)
        if removed:
            cbs[:] = kept
        return removed

    def set_result(self, result):
        """Finish the future with a result (InvalidStateError if it is already done)."""
        if self._state != _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        """Finish the future with an exception (a class is instantiated first)."""
        if self._state != _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            # A StopIteration raised out of a coroutine would end it silently; wrap it.
            wrapped = RuntimeError("StopIteration interacts badly with generators "
                                   "and cannot be raised into a Future")
            wrapped.__cause__ = exception
            wrapped.__context__ = exception
            exception = wrapped
        self._exception = exception
        self._exception_tb = exception.__traceback__
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_tb = True

    def __await__(self):
        if self._state == _PENDING:
            self._asyncio_future_blocking = True
            yield self  # the Task takes it from here (see the module docstring)
        if self._state == _PENDING:
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__  # 'yield from future' in generator-based code


def _set_result_unless_cancelled(fut, result):
    """Timer callback of sleep(): the sleeper may have been cancelled meanwhile."""
    if fut._state == _PENDING:
        fut.set_result(result)


# The Python class stays available (and is the reference); Gilt's Java version replaces it.
_PyFuture = Future
_asyncio = _compat.accel
if _asyncio is not None:
    Future = _CFuture = _asyncio.Future
    _set_result_unless_cancelled = _asyncio._set_result_unless_cancelled


def _get_loop(fut):
    """fut.get_loop(), or the _loop attribute of an older future-like object."""
    get_loop = getattr(fut, 'get_loop', None)
    if get_loop is not None:
        return get_loop()
    return fut._loop


def _convert_future_exc(exc):
    """concurrent.futures' own exception types become asyncio's."""
    cf = sys.modules.get('concurrent.futures')
    if cf is not None:
        t = type(exc)
        if t is cf.CancelledError:
            return exceptions.CancelledError(*exc.args)
        if t is cf.TimeoutError:
            return exceptions.TimeoutError(*exc.args)
        if t is getattr(cf, 'InvalidStateError', None):
            return exceptions.InvalidStateError(*exc.args)
    return exc


def _copy_to_concurrent(dest, src):
    """Mirror a finished asyncio future into a concurrent.futures.Future."""
    if src.cancelled():
        dest.cancel()
    if not dest.set_running_or_notify_cancel():
        return
    exc = src.exception()
    if exc is None:
        dest.set_result(src.result())
    else:
        dest.set_exception(_convert_future_exc(exc))


def _copy_future_state(src, dest):
    """Mirror a finished future (asyncio or concurrent) into a pending asyncio future."""
    if dest.cancelled():
        return
    if src.cancelled():
        dest.cancel()
        return
    exc = src.exception()
    if exc is None:
        dest.set_result(src.result())
    else:
        dest.set_exception(_convert_future_exc(exc))


def _is_any_future(f):
    return isfuture(f) or _compat.is_concurrent_future(f)


def _chain_future(source, destination):
    """Make destination follow source; cancelling destination cancels source.

    Either side may be an asyncio future or a concurrent.futures.Future; when the two belong to
    different loops (or one to a thread) the copy goes through call_soon_threadsafe.
    """
    if not _is_any_future(source):
        raise TypeError('A future is required for source argument')
    if not _is_any_future(destination):
        raise TypeError('A future is required for destination argument')
    src_loop = _get_loop(source) if isfuture(source) else None
    dst_loop = _get_loop(destination) if isfuture(destination) else None

    def copy_state(dest, src):
        if isfuture(dest):
            _copy_future_state(src, dest)
        else:
            _copy_to_concurrent(dest, src)

    def on_destination_done(dest):
        if not dest.cancelled():
            return
        if src_loop is None or src_loop is dst_loop:
            source.cancel()
        else:
            src_loop.call_soon_threadsafe(source.cancel)

    def on_source_done(src):
        if dst_loop is None or dst_loop is src_loop:
            if destination.cancelled() and dst_loop is not None and dst_loop.is_closed():
                return
            copy_state(destination, src)
        elif not dst_loop.is_closed():
            dst_loop.call_soon_threadsafe(copy_state, destination, src)

    destination.add_done_callback(on_destination_done)
    source.add_done_callback(on_source_done)


def wrap_future(future, *, loop=None):
    """An asyncio future that follows a concurrent.futures.Future (futures pass through)."""
    if isfuture(future):
        return future
    assert _compat.is_concurrent_future(future), \
        f'concurrent.futures.Future is expected, got {future!r}'
    if loop is None:
        loop = events.get_event_loop()
    mirror = loop.create_future()
    _chain_future(future, mirror)
    return mirror
