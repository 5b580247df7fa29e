"""TaskGroup: tasks that live and die together (3.11 semantics).

Leaving the ``async with`` block waits for every task of the group. The first task that fails
makes the group abort: the other tasks are cancelled and so is the task running the block
(the "parent"), once; the group takes that cancellation back with uncancel() when it exits,
so the parent does not stay cancelled because of the group.

Errors: CPython raises ``BaseExceptionGroup('unhandled errors in a TaskGroup', errors)``.
Gilt does not have exception groups yet; while it does not, the group raises its first error
itself. KeyboardInterrupt and SystemExit are re-raised as themselves, as in CPython.
"""

__all__ = ("TaskGroup",)

from . import events
from . import exceptions
from . import tasks

try:
    _BaseExceptionGroup = BaseExceptionGroup
except NameError:
    _BaseExceptionGroup = None

CancelledError = exceptions.CancelledError


def _is_fatal(exc):
    return isinstance(exc, (SystemExit, KeyboardInterrupt))


class TaskGroup:
    """``async with TaskGroup() as tg: tg.create_task(...)``."""

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False   # we cancelled the parent (uncancel on exit)
        self._tasks = set()
        self._errors = []
        self._base_error = None                 # first KeyboardInterrupt/SystemExit seen
        self._on_completed_fut = None           # set when the last task is done

    def __repr__(self):
        words = ['']
        if self._tasks:
            words.append(f'tasks={len(self._tasks)}')
        if self._errors:
            words.append(f'errors={len(self._errors)}')
        if self._aborting:
            words.append('cancelling')
        elif self._entered:
            words.append('entered')
        return f"<TaskGroup{' '.join(words)}>"

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has already been entered")
        if self._loop is None:
            self._loop = events.get_running_loop()
        self._parent_task = tasks.current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        self._entered = True
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and _is_fatal(exc) and self._base_error is None:
            self._base_error = exc

        # A CancelledError leaving the block is re-raised at the end, unless it was only our
        # own cancellation of the parent.
        cancel_to_raise = exc if et is CancelledError else None
        if self._parent_cancel_requested and self._parent_task.uncancel() == 0:
            cancel_to_raise = None

        if et is not None and not self._aborting:
            # The block itself failed or was cancelled: stop the tasks.
            self._abort()

        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                # The parent is cancelled from outside while we wait for the tasks.
                if not self._aborting:
                    cancel_to_raise = ex
                    self._abort()
            self._on_completed_fut = None

        if self._base_error is not None:
            raise self._base_error

        # Task errors take precedence over a cancellation.
        if cancel_to_raise is not None and not self._errors:
            raise cancel_to_raise

        if et is not None and et is not CancelledError:
            self._errors.append(exc)

        if self._errors:
            errors = self._errors
            self._errors = None
            try:
                if _BaseExceptionGroup is not None:
                    raise _BaseExceptionGroup('unhandled errors in a TaskGroup', errors) from None
                raise errors[0]
            finally:
                errors = None  # no reference cycle through the traceback

    def create_task(self, coro, *, name=None, context=None):
        """Start coro as a task of the group (like asyncio.create_task) and return it."""
        problem = None
        if not self._entered:
            problem = "has not been entered"
        elif self._exiting and not self._tasks:
            problem = "is finished"
        elif self._aborting:
            problem = "is shutting down"
        if problem is not None:
            coro.close()
            raise RuntimeError(f"TaskGroup {self!r} {problem}")
        if context is None:
            task = self._loop.create_task(coro, name=name)
        else:
            task = self._loop.create_task(coro, name=name, context=context)
        if task.done():
            # It ran to completion eagerly: account for it right away.
            self._on_task_done(task)
        else:
            self._tasks.add(task)
            task.add_done_callback(self._on_task_done)
        return task

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)
        waiter = self._on_completed_fut
        if waiter is not None and not self._tasks and not waiter.done():
            waiter.set_result(True)

        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if _is_fatal(exc) and self._base_error is None:
            self._base_error = exc

        if self._parent_task.done():
            # Nobody is left to raise it: report it.
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent_task} is already completed',
                'exception': exc,
                'task': task,
            })
            return

        if not self._aborting and not self._parent_cancel_requested:
            # First failure: cancel the siblings and interrupt the parent's block; __aexit__
            # takes the parent's cancellation back.
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()
