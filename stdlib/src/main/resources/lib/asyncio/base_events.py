"""The event loop: running, stopping, closing, tasks, errors, executors, and Server.

Scheduling (call_soon/call_later/call_at, the ready queue, the timer heap, one iteration) lives
in base_loop: _asyncio.LoopCore under Gilt, base_loop._PyLoopCore elsewhere.
"""

__all__ = ('BaseEventLoop', 'Server')

import sys

from . import _compat
from . import base_loop
from . import coroutines
from . import events
from . import exceptions
from . import futures
from . import tasks
from . import timeouts
from .base_loop import MAXIMUM_SELECT_TIMEOUT
from .log import logger


def _debug_mode_default():
    if sys.flags.dev_mode:
        return True
    try:
        import os
    except ImportError:
        return False
    return bool(os.environ.get('PYTHONASYNCIODEBUG'))


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            # Those stop the loop by themselves (they propagate out of run_forever).
            return
    futures._get_loop(fut).stop()


def _start_thread(target, name):
    try:
        import threading
    except ImportError:
        import _thread
        _thread.start_new_thread(target, ())
        return None
    t = threading.Thread(target=target, name=name)
    t.start()
    return t


class Server(events.AbstractServer):
    """A listening server (from create_server/start_server).

    It counts its open connections: wait_closed() returns once the server is closed and the
    last connection is gone (3.12.1 semantics).
    """

    def __init__(self, loop, sockets, protocol_factory, ssl_context, backlog,
                 ssl_handshake_timeout=None, ssl_shutdown_timeout=None):
        self._loop = loop
        self._sockets = sockets
        self._active_count = 0
        self._waiters = []
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._ssl_context = ssl_context
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def _attach(self):
        assert self._sockets is not None
        self._active_count += 1

    def _detach(self):
        assert self._active_count > 0
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for w in waiters:
            if not w.done():
                w.set_result(w)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            self._loop._start_serving(self._protocol_factory, sock, self._ssl_context, self,
                                      self._backlog)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple(self._sockets)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._loop._stop_serving(sock)
        self._serving = False
        fut = self._serving_forever_fut
        if fut is not None and not fut.done():
            fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):
        self._start_serving()
        # One loop iteration so that the add_reader calls take effect.
        await tasks.sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        """Wait until the server is closed and all its connections are gone."""
        if self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter


class BaseEventLoop(base_loop._LoopCore, events.AbstractEventLoop):
    """Running, closing, tasks, errors, executors; scheduling comes from the loop core."""

    def __init__(self):
        base_loop._LoopCore.__init__(self)
        self.slow_callback_duration = 0.1
        self._default_executor = None
        self._internal_fds = 0
        self._exception_handler = None
        self._debug = _debug_mode_default()
        self._task_factory = None
        self._coroutine_origin_tracking_enabled = False
        self._coroutine_origin_tracking_saved_depth = None
        self._asyncgens = set()
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # ---- futures and tasks -----------------------------------------------------------------

    def create_task(self, coro, *, name=None, context=None):
        """Schedule the coroutine as a Task (through the task factory if one is set)."""
        self._check_closed()
        factory = self._task_factory
        if factory is None:
            return tasks.Task(coro, loop=self, name=name, context=context)
        if context is None:
            task = factory(self, coro)
        else:
            task = factory(self, coro, context=context)
        if name is not None:
            set_name = getattr(task, 'set_name', None)
            if set_name is not None:
                set_name(name)
        return task

    def set_task_factory(self, factory):
        """factory(loop, coro[, context=...]) makes the tasks of create_task; None: Task."""
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # ---- running ---------------------------------------------------------------------------

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if events._get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def _asyncgen_firstiter_hook(self, agen):
        if self._asyncgens_shutdown_called:
            _compat.warn(f"asynchronous generator {agen!r} was scheduled after "
                         f"loop.shutdown_asyncgens() call", ResourceWarning, stacklevel=2)
        self._asyncgens.add(agen)

    def _asyncgen_finalizer_hook(self, agen):
        self._asyncgens.discard(agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    async def shutdown_asyncgens(self):
        """Close the async generators that are still suspended."""
        self._asyncgens_shutdown_called = True
        if not self._asyncgens:
            return
        closing = list(self._asyncgens)
        self._asyncgens.clear()
        results = await tasks.gather(*[ag.aclose() for ag in closing], return_exceptions=True)
        for result, agen in zip(results, closing):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of '
                               f'asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen,
                })

    def _run_forever_setup(self):
        self._check_closed()
        self._check_running()
        self._thread_id = _compat.get_ident()
        hooks = None
        get_hooks = getattr(sys, 'get_asyncgen_hooks', None)
        if get_hooks is not None:
            hooks = get_hooks()
            sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                                   finalizer=self._asyncgen_finalizer_hook)
        events._set_running_loop(self)
        return hooks

    def _run_forever_cleanup(self, hooks):
        self._stopping = False
        self._thread_id = None
        events._set_running_loop(None)
        if hooks is not None:
            sys.set_asyncgen_hooks(*hooks)

    def run_forever(self):
        """Run callbacks until stop() is called."""
        hooks = self._run_forever_setup()
        try:
            run_once = self._run_once
            while True:
                run_once()
                if self._stopping:
                    break
        finally:
            self._run_forever_cleanup(hooks)

    def run_until_complete(self, future):
        """Run until the future (a coroutine becomes a Task) is done; return its result."""
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            # We made the task: if the loop stops early, do not also complain that it died
            # pending.
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except:
            if new_task and future.done() and not future.cancelled():
                # The exception escaped run_forever; the task's copy counts as seen.
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def close(self):
        """Close a loop that is not running: pending callbacks are dropped."""
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        if self._debug:
            logger.debug("Close %r", self)
        self._closed = True
        self._clear_callbacks()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)
        tasks._forget_loop(self)

    def __del__(self):
        if not self.is_closed():
            _compat.warn(f"unclosed event loop {self!r}", ResourceWarning)
            if not self.is_running():
                self.close()

    # ---- debug checks (called by the loop core in debug mode) -----------------------------

    def _check_callback(self, callback, method):
        if coroutines.iscoroutine(callback) or coroutines.iscoroutinefunction(callback):
            raise TypeError(f"coroutines cannot be used with {method}()")
        if not callable(callback):
            raise TypeError(f'a callable object was expected by {method}(), got {callback!r}')

    def _check_thread(self):
        """Debug mode: non-threadsafe methods must be called from the loop's thread."""
        if self._thread_id is None:
            return
        if _compat.get_ident() != self._thread_id:
            raise RuntimeError("Non-thread-safe operation invoked on an event loop other "
                               "than the current one")

    def _run_handle_debug(self, handle):
        try:
            self._current_handle = handle
            t0 = self.time()
            handle._run()
            dt = self.time() - t0
            if dt >= self.slow_callback_duration:
                logger.warning('Executing %s took %.3f seconds',
                               base_loop._format_handle(handle), dt)
        finally:
            self._current_handle = None

    # ---- executors -------------------------------------------------------------------------

    def run_in_executor(self, executor, func, *args):
        """Run func(*args) in executor (default: a thread pool); returns an asyncio Future."""
        self._check_closed()
        if self._debug:
            self._check_callback(func, 'run_in_executor')
        if executor is None:
            executor = self._default_executor
            if self._executor_shutdown_called:
                raise RuntimeError('Executor shutdown has been called')
            if executor is None:
                executor = _compat.thread_executor()
                self._default_executor = executor
        return futures.wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        cf = sys.modules.get('concurrent.futures')
        if cf is not None and not isinstance(executor, cf.ThreadPoolExecutor):
            raise TypeError('executor must be ThreadPoolExecutor instance')
        self._default_executor = executor

    async def shutdown_default_executor(self, timeout=None):
        """Shut the default executor down without blocking the loop (waits at most timeout)."""
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is None:
            return
        done = self.create_future()

        def shut_down():
            try:
                executor.shutdown(wait=True)
                if not self.is_closed():
                    self.call_soon_threadsafe(futures._set_result_unless_cancelled, done, None)
            except Exception as ex:
                if not self.is_closed() and not done.cancelled():
                    self.call_soon_threadsafe(done.set_exception, ex)

        thread = _start_thread(shut_down, 'asyncio-shutdown-default-executor')
        try:
            async with timeouts.timeout(timeout):
                await done
        except TimeoutError:
            _compat.warn("The executor did not finishing joining its threads within "
                         f"{timeout} seconds.", RuntimeWarning, stacklevel=2)
            executor.shutdown(wait=False)
        else:
            if thread is not None:
                thread.join()

    # ---- errors ----------------------------------------------------------------------------

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        """handler(loop, context) replaces default_exception_handler (None restores it)."""
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Log the context: its message, the other keys sorted, then the traceback."""
        message = context.get('message') or 'Unhandled exception in event loop'
        exception = context.get('exception')
        exc_info = (type(exception), exception, exception.__traceback__) \
            if exception is not None else False
        if ('source_traceback' not in context and self._current_handle is not None
                and self._current_handle._source_traceback):
            context['handle_traceback'] = self._current_handle._source_traceback
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            value = context[key]
            if key in ('source_traceback', 'handle_traceback'):
                what = 'Object created at' if key == 'source_traceback' else 'Handle created at'
                value = ''.join(_format_stack(value)).rstrip()
                lines.append(f'{what} (most recent call last):\n{value}')
                continue
            lines.append(f'{key}: {value!r}')
        logger.error('\n'.join(lines), exc_info=exc_info)

    def call_exception_handler(self, context):
        """Report an error: to the handler set with set_exception_handler, else to the log."""
        handler = self._exception_handler
        if handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                # The handler must never fail the loop; say so in the log instead.
                logger.error('Exception in default exception handler', exc_info=True)
            return
        try:
            owner = context.get('task') or context.get('handle')
            ctx = owner.get_context() if owner is not None else None
            if ctx is None:
                handler(self, context)
            else:
                ctx.run(handler, self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            try:
                self.default_exception_handler({
                    'message': 'Unhandled error in exception handler',
                    'exception': exc,
                    'context': context,
                })
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                logger.error('Exception in default exception handler while handling an '
                             'unexpected error in custom exception handler', exc_info=True)

    # ---- what Gilt's loop does not do ------------------------------------------------------

    def add_signal_handler(self, sig, callback, *args):
        raise NotImplementedError("signal handlers are not supported by Gilt's asyncio")

    def remove_signal_handler(self, sig):
        raise NotImplementedError("signal handlers are not supported by Gilt's asyncio")

    async def subprocess_shell(self, *args, **kwargs):
        raise NotImplementedError("subprocesses are not supported by Gilt's asyncio yet")

    async def subprocess_exec(self, *args, **kwargs):
        raise NotImplementedError("subprocesses are not supported by Gilt's asyncio yet")

    async def create_datagram_endpoint(self, *args, **kwargs):
        raise NotImplementedError("datagram endpoints are not supported by Gilt's asyncio")

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        raise NotImplementedError("getaddrinfo is not supported by Gilt's asyncio")


def _format_stack(frames):
    out = []
    for entry in frames:
        filename, lineno, name = entry[0], entry[1], entry[2]
        out.append(f'  File "{filename}", line {lineno}, in {name}\n')
    return out
