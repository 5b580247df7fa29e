"""asyncio.run() and asyncio.Runner.

A Runner owns one event loop for several run() calls; closing it cancels the tasks still
pending, closes async generators and the default executor, then closes the loop.

Ctrl-C: CPython's Runner installs a SIGINT handler that cancels the main task. Gilt has no
signal module yet, so KeyboardInterrupt simply propagates out of the loop.
"""

__all__ = ('Runner', 'run')

from . import _compat
from . import coroutines
from . import events
from . import exceptions
from . import tasks

_CREATED = 'created'
_INITIALIZED = 'initialized'
_CLOSED = 'closed'


class Runner:
    """``with asyncio.Runner() as runner: runner.run(coro())`` — several runs, one loop.

    debug sets the loop's debug mode; loop_factory makes the loop (default: a new event loop
    that is also set as the current one for the thread while the runner is open).
    """

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = _CREATED
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._context = None
        self._interrupt_count = 0
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        """Shut down and close the loop (a no-op unless the runner is open)."""
        if self._state is not _INITIALIZED:
            return
        loop = self._loop
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._set_event_loop:
                events.set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = _CLOSED

    def get_loop(self):
        """The runner's loop (created on first use)."""
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        """Run coro to completion in the runner's loop and return its result."""
        if not coroutines.iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))
        if events._get_running_loop() is not None:
            # Same check as in asyncio.run(): a loop is already running in this thread.
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        if context is None:
            context = self._context
        task = self._loop.create_task(coro, context=context)
        self._interrupt_count = 0
        try:
            return self._loop.run_until_complete(task)
        except exceptions.CancelledError:
            if self._interrupt_count > 0:
                uncancel = getattr(task, "uncancel", None)
                if uncancel is not None and uncancel() == 0:
                    raise KeyboardInterrupt()
            raise

    def _lazy_init(self):
        if self._state is _CLOSED:
            raise RuntimeError("Runner is closed")
        if self._state is _INITIALIZED:
            return
        if self._loop_factory is None:
            self._loop = events.new_event_loop()
            if not self._set_event_loop:
                # Code that calls get_event_loop() inside the runner finds our loop.
                events.set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        if _compat.copy_context is not None:
            self._context = _compat.copy_context()
        self._state = _INITIALIZED


def run(main, *, debug=None, loop_factory=None):
    """Run the coroutine main in a new event loop, close the loop, return main's result.

    Cannot be called while another loop runs in the same thread. Pending tasks are cancelled
    before the loop closes.
    """
    if events._get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug, loop_factory=loop_factory) as runner:
        return runner.run(main)


def _cancel_all_tasks(loop):
    to_cancel = tasks.all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(tasks.gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })
