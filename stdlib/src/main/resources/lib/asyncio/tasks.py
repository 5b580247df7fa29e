"""Tasks, and the functions that combine awaitables (gather, wait, wait_for, shield, ...).

A Task drives one coroutine. Each step is a loop callback that resumes the coroutine with
send(None), or throw(exc) when it must see an exception. What the coroutine yields decides what
happens next (Task._park):

- a Future with ``_asyncio_future_blocking`` set: the task parks on it, ``task_wakeup`` being
  the future's done callback; that callback runs the next step;
- None (a bare yield, as in ``sleep(0)``): the next step is scheduled at once;
- anything else is an error thrown back into the coroutine on the next step.

Cancelling a task cancels the future it is parked on (which wakes it with CancelledError); a
task parked on nothing gets ``_must_cancel`` and the next step throws CancelledError in.
``cancelling()`` counts cancel requests and ``uncancel()`` takes one back, which is how
timeouts and task groups tell their own cancellations from outside ones (3.11).
"""

__all__ = (
    'Task', 'create_task',
    'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
    'wait', 'wait_for', 'as_completed', 'sleep',
    'gather', 'shield', 'ensure_future', 'run_coroutine_threadsafe',
    'current_task', 'all_tasks',
    'create_eager_task_factory', 'eager_task_factory',
    '_register_task', '_unregister_task', '_enter_task', '_leave_task',
)

from . import _compat
from . import coroutines
from . import events
from . import exceptions
from . import futures
from . import timeouts
from .coroutines import _format_coroutine
from .futures import _PENDING

Future = futures.Future
CancelledError = exceptions.CancelledError
_iscoroutine = coroutines.iscoroutine

# "Task-1", "Task-2", ...: one counter for every loop of the process.
_next_task_number = _compat._Counter()

# Tasks not yet done, for all_tasks(). CPython keeps a WeakSet of every task; here a task
# leaves the set when it finishes, and a loop's tasks leave it when the loop closes.
_all_tasks = set()
_eager_tasks = set()

# The task each running loop is executing right now: {loop: task}.
_current_tasks = {}


def _task_repr_info(task):
    info = futures._future_repr_info(task)
    if task._num_cancels_requested and task._state == _PENDING:
        info[0] = 'cancelling'
    info.insert(1, 'name=%r' % task.get_name())
    info.insert(2, f'coro=<{_format_coroutine(task._coro)}>')
    if task._fut_waiter is not None:
        info.insert(3, f'wait_for={task._fut_waiter!r}')
    return info


class Task(Future):
    """A coroutine scheduled on an event loop, seen as a Future of its return value."""

    _log_destroy_pending = True   # report "destroyed but it is pending" (gather turns it off)
    _num_cancels_requested = 0
    _must_cancel = False          # throw CancelledError in at the next step
    _fut_waiter = None            # the future the task is parked on
    _coro = None
    _context = None
    _name = None

    def __init__(self, coro, *, loop=None, name=None, context=None, eager_start=False):
        self._loop = events.get_event_loop() if loop is None else loop
        if not _iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        self._name = f'Task-{_next_task_number()}' if name is None else str(name)
        self._coro = coro
        if context is None and _compat.copy_context is not None:
            context = _compat.copy_context()
        self._context = context
        if eager_start and self._loop.is_running():
            self._eager_start()
        else:
            self._loop.call_soon(self._step, context=context)
            _register_task(self)

    def __del__(self):
        if self._state == _PENDING and self._log_destroy_pending:
            ctx = {'task': self, 'message': 'Task was destroyed but it is pending!'}
            if self._source_traceback:
                ctx['source_traceback'] = self._source_traceback
            self._loop.call_exception_handler(ctx)
        if self._log_tb:
            self._report_unretrieved()

    def __repr__(self):
        return f"<{self.__class__.__name__} {' '.join(_task_repr_info(self))}>"

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        """The frames of the suspended coroutine chain, outermost first."""
        frames = []
        c = self._coro
        while c is not None:
            f = getattr(c, 'cr_frame', None) or getattr(c, 'gi_frame', None)
            if f is None:
                break
            frames.append(f)
            c = getattr(c, 'cr_await', None) or getattr(c, 'gi_yieldfrom', None)
        if limit is not None:
            frames = frames[:limit] if limit >= 0 else frames[limit:]
        return frames

    def print_stack(self, *, limit=None, file=None):
        import sys
        out = sys.stderr if file is None else file
        frames = self.get_stack(limit=limit)
        if not frames:
            print(f'No stack for {self!r}', file=out)
            return
        print(f'Stack for {self!r} (most recent call last):', file=out)
        for f in frames:
            code = f.f_code
            print(f'  File "{code.co_filename}", line {f.f_lineno}, in {code.co_name}', file=out)

    def cancel(self, msg=None):
        """Ask the task to stop: CancelledError is thrown into the coroutine soon.

        Returns False if the task is already done. The coroutine may catch the error and carry
        on; cancelling() tells how many requests are outstanding.
        """
        self._log_tb = False
        if self._state != _PENDING:
            return False
        self._num_cancels_requested += 1
        waiter = self._fut_waiter
        if waiter is not None and waiter.cancel(msg=msg):
            # The waiter's callbacks wake us with CancelledError. _fut_waiter stays: if it is a
            # task that swallows the cancellation, we may need to cancel it again.
            return True
        # Nothing to cancel under us: a step is already scheduled and will throw it in.
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        """How many cancel() requests are pending."""
        return self._num_cancels_requested

    def uncancel(self):
        """Withdraw one cancel() request; returns how many remain."""
        n = self._num_cancels_requested
        if n > 0:
            n -= 1
            self._num_cancels_requested = n
            if n == 0:
                self._must_cancel = False
        return n

    # ---- running the coroutine ------------------------------------------------------------

    def _step(self, exc=None):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError(f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            self._must_cancel = False
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
        self._fut_waiter = None
        loop = self._loop
        _enter_task(loop, self)
        try:
            self._advance(exc)
        finally:
            _leave_task(loop, self)
            if self._state != _PENDING:
                _unregister_task(self)
            self = None  # an exception's traceback must not keep the task alive

    def _advance(self, exc):
        """Resume the coroutine once and act on how it stopped."""
        try:
            if exc is None:
                out = self._coro.send(None)
            else:
                out = self._coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                # cancel() arrived while the last step was finishing: honour it.
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, stop.value)
        except CancelledError as cancelled:
            self._cancelled_exc = cancelled  # re-raised as-is by result()/exception()
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as fatal:
            Future.set_exception(self, fatal)
            raise
        except BaseException as error:
            _drop_own_frame(error)
            Future.set_exception(self, error)
        else:
            self._park(out)
        finally:
            self = None

    def _park(self, out):
        """The coroutine yielded out: wait on it, go again, or complain."""
        blocking = getattr(out, '_asyncio_future_blocking', None)
        if blocking is None:
            if out is None:
                self._loop.call_soon(self._step, context=self._context)
                return
            if type(out) is _GeneratorType:
                problem = (f'yield was used instead of yield from for generator in task '
                           f'{self!r} with {out!r}')
            else:
                problem = f'Task got bad yield: {out!r}'
        elif futures._get_loop(out) is not self._loop:
            problem = f'Task {self!r} got Future {out!r} attached to a different loop'
        elif not blocking:
            problem = f'yield was used instead of yield from in task {self!r} with {out!r}'
        elif out is self:
            problem = f'Task cannot await on itself: {self!r}'
        else:
            out._asyncio_future_blocking = False
            out.add_done_callback(self.task_wakeup, context=self._context)
            self._fut_waiter = out
            if self._must_cancel and out.cancel(msg=self._cancel_message):
                self._must_cancel = False
            return
        self._loop.call_soon(self._step, RuntimeError(problem), context=self._context)

    def task_wakeup(self, future):
        """Done callback of the future the task was parked on."""
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()
        self = None

    def _eager_start(self):
        """3.12 eager tasks: the first step runs inside create_task()."""
        loop = self._loop
        prev = _swap_current_task(loop, self)
        try:
            _register_eager_task(self)
            try:
                self._advance(None)
            finally:
                _unregister_eager_task(self)
        finally:
            _swap_current_task(loop, prev)
            if self._state != _PENDING:
                self._coro = None
            else:
                _register_task(self)


def _drop_own_frame(error):
    """Start the traceback at the coroutine, as CPython's C Task does (no _advance entry)."""
    tb = error.__traceback__
    if tb is not None:
        try:
            error.__traceback__ = tb.tb_next
        except (AttributeError, TypeError):
            pass


def _generator_type():
    def g():
        yield
    return type(g())


_GeneratorType = _generator_type()


def create_task(coro, *, name=None, context=None):
    """Wrap the coroutine in a Task scheduled on the running loop, and return the Task."""
    loop = events.get_running_loop()
    if context is None:
        return loop.create_task(coro, name=name)
    return loop.create_task(coro, name=name, context=context)


# return_when values of wait().
FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


class _WaitState:
    """Book-keeping of one wait(): wakes the waiter when return_when is satisfied."""

    __slots__ = ('waiter', 'remaining', 'mode', 'timer')

    def __init__(self, waiter, remaining, mode):
        self.waiter = waiter
        self.remaining = remaining
        self.mode = mode
        self.timer = None

    def on_done(self, f):
        self.remaining -= 1
        mode = self.mode
        if (self.remaining <= 0 or mode == FIRST_COMPLETED or
                (mode == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None)):
            if self.timer is not None:
                self.timer.cancel()
            if not self.waiter.done():
                self.waiter.set_result(None)


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait until the futures/tasks in fs satisfy return_when, or timeout passes.

    Returns (done, pending) sets; a timeout does not raise, it leaves futures in pending.
    """
    if futures.isfuture(fs) or _iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = set(fs)
    for f in fs:
        if _iscoroutine(f):
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = events.get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    state = _WaitState(loop.create_future(), len(fs), return_when)
    if timeout is not None:
        state.timer = loop.call_later(timeout, _release_waiter, state.waiter)
    on_done = state.on_done
    for f in fs:
        f.add_done_callback(on_done)
    try:
        await state.waiter
    finally:
        if state.timer is not None:
            state.timer.cancel()
        for f in fs:
            f.remove_done_callback(on_done)
    done = set()
    pending = set()
    for f in fs:
        (done if f.done() else pending).add(f)
    return done, pending


async def wait_for(fut, timeout):
    """Await fut (a coroutine is wrapped in a Task) but give up after timeout seconds.

    On timeout the awaited task is cancelled and TimeoutError raised; cancelling wait_for
    cancels the task too. timeout None waits forever. (3.12: built on asyncio.timeout.)
    """
    if timeout is not None and timeout <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError from exc
    async with timeouts.timeout(timeout):
        return await fut


async def _cancel_and_wait(fut):
    """Cancel fut and wait for it to finish, staying cancellable ourselves."""
    waiter = events.get_running_loop().create_future()

    def release(f):
        _release_waiter(waiter)

    fut.add_done_callback(release)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(release)


class _AsCompleted:
    """State of one as_completed(): finished futures go through a Queue in finishing order."""

    def __init__(self, todo, done_queue):
        self.todo = todo
        self.done = done_queue
        self.timer = None

    def on_done(self, f):
        todo = self.todo
        if not todo:
            return  # the timeout fired first
        todo.remove(f)
        self.done.put_nowait(f)
        if not todo and self.timer is not None:
            self.timer.cancel()

    def on_timeout(self):
        for f in self.todo:
            f.remove_done_callback(self.on_done)
            self.done.put_nowait(None)  # each pending waiter gets a "timed out" marker
        self.todo.clear()

    async def next_result(self):
        f = await self.done.get()
        if f is None:
            raise exceptions.TimeoutError
        return f.result()


def as_completed(fs, *, timeout=None):
    """An iterator of awaitables giving the results of fs in the order they finish.

    With a timeout, awaiting raises TimeoutError once the deadline has passed.
    """
    if futures.isfuture(fs) or _iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    from .queues import Queue
    loop = events.get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}
    state = _AsCompleted(todo, Queue())
    for f in todo:
        f.add_done_callback(state.on_done)
    if todo and timeout is not None:
        state.timer = loop.call_later(timeout, state.on_timeout)
    return _as_completed_results(state, len(todo))


def _as_completed_results(state, n):
    for _ in range(n):
        yield state.next_result()


class _Yield:
    """Awaiting it suspends the task exactly once (what sleep(0) does)."""
    __slots__ = ()

    def __await__(self):
        yield


_yield_once = _Yield()


async def sleep(delay, result=None):
    """Suspend the calling task for delay seconds, then return result.

    sleep(0) (or a negative delay) gives the other ready callbacks one turn.
    """
    if delay <= 0:
        await _yield_once
        return result
    loop = events.get_running_loop()
    fut = loop.create_future()
    timer = loop.call_later(delay, futures._set_result_unless_cancelled, fut, result)
    try:
        return await fut
    finally:
        timer.cancel()


def ensure_future(coro_or_future, *, loop=None):
    """A Future for the argument: futures pass through, coroutines and awaitables become Tasks."""
    if type(coro_or_future) is coroutines._CoroutineType:
        # The common case first: a coroutine becomes a task.
        if loop is None:
            loop = events.get_event_loop()
        try:
            return loop.create_task(coro_or_future)
        except RuntimeError:
            coro_or_future.close()
            raise
    if futures.isfuture(coro_or_future):
        if loop is not None and loop is not futures._get_loop(coro_or_future):
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    wrapped = False
    if not _iscoroutine(coro_or_future):
        if not hasattr(type(coro_or_future), '__await__'):
            raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')
        coro_or_future = _await_it(coro_or_future)
        wrapped = True
    if loop is None:
        loop = events.get_event_loop()
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if not wrapped:
            coro_or_future.close()
        raise


async def _await_it(awaitable):
    return await awaitable


class _GatheringFuture(Future):
    """The future gather() returns: collects its children's outcomes in argument order.

    Cancelling it cancels the children (like Task.cancel, it is not cancelled at once).
    """

    def __init__(self, children, nchildren, return_exceptions, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._nchildren = nchildren       # distinct children (an argument may repeat)
        self._nfinished = 0
        self._return_exceptions = return_exceptions
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        any_cancelled = False
        for child in self._children:
            if child.cancel(msg=msg):
                any_cancelled = True
        if any_cancelled:
            # The cancellation wins over return_exceptions when the results come in.
            self._cancel_requested = True
        return any_cancelled

    def _child_done(self, child):
        self._nfinished += 1
        if self._state != _PENDING:
            if not child.cancelled():
                child.exception()  # its exception counts as retrieved
            return
        if not self._return_exceptions:
            if child.cancelled():
                Future.set_exception(self, child._make_cancelled_error())
                return
            exc = child.exception()
            if exc is not None:
                Future.set_exception(self, exc)
                return
        if self._nfinished == self._nchildren:
            self._finish()

    def _finish(self):
        results = []
        for child in self._children:
            if child.cancelled():
                msg = child._cancel_message
                results.append(CancelledError('' if msg is None else msg))
            else:
                exc = child.exception()
                results.append(child.result() if exc is None else exc)
        if self._cancel_requested:
            Future.set_exception(self, self._children[-1]._make_cancelled_error())
        else:
            Future.set_result(self, results)


def gather(*coros_or_futures, return_exceptions=False):
    """A future of the list of results of all arguments (coroutines become tasks).

    Results come in argument order. Without return_exceptions the first exception (or
    cancellation of a child) is propagated to the returned future at once; with it, exceptions
    take their place in the list. Cancelling the returned future cancels every child.
    """
    if not coros_or_futures:
        outer = events.get_event_loop().create_future()
        outer.set_result([])
        return outer
    by_arg = {}
    children = []
    loop = None
    for arg in coros_or_futures:
        fut = by_arg.get(arg)
        if fut is None:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = futures._get_loop(fut)
            if fut is not arg:
                # We made this task; nobody else can await it, so no "destroyed" warning.
                fut._log_destroy_pending = False
            by_arg[arg] = fut
        children.append(fut)
    outer = _GatheringFuture(children, len(by_arg), return_exceptions, loop=loop)
    child_done = outer._child_done
    finished = []
    for fut in by_arg.values():
        if fut.done():
            finished.append(fut)
        else:
            fut.add_done_callback(child_done)
    # Children that are done already (eager tasks, done futures) count now (3.12).
    for fut in finished:
        child_done(fut)
    return outer


def shield(arg):
    """Await arg without letting a cancellation of the awaiting task reach it.

    If the caller is cancelled, arg keeps running; its result is simply not delivered.
    """
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = futures._get_loop(inner).create_future()

    def inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()  # consumed: nobody will ask for it
            return
        if inner.cancelled():
            outer.cancel()
            return
        exc = inner.exception()
        if exc is None:
            outer.set_result(inner.result())
        else:
            outer.set_exception(exc)

    def outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    inner.add_done_callback(inner_done)
    outer.add_done_callback(outer_done)
    return outer


def run_coroutine_threadsafe(coro, loop):
    """Schedule coro on loop from another thread; returns a concurrent.futures.Future."""
    if not _iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    import concurrent.futures
    result = concurrent.futures.Future()

    def start():
        try:
            futures._chain_future(ensure_future(coro, loop=loop), result)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if result.set_running_or_notify_cancel():
                result.set_exception(exc)
            raise

    loop.call_soon_threadsafe(start)
    return result


def create_eager_task_factory(custom_task_constructor):
    """A task factory whose tasks start running inside create_task() (3.12)."""
    def factory(loop, coro, *, name=None, context=None):
        return custom_task_constructor(coro, loop=loop, name=name, context=context,
                                       eager_start=True)
    return factory




def current_task(loop=None):
    """The task running on loop (default: the running loop), or None."""
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    """The set of not-yet-done tasks of loop (default: the running loop)."""
    if loop is None:
        loop = events.get_running_loop()
    found = set()
    for group in (_all_tasks, _eager_tasks):
        for t in list(group):
            if futures._get_loop(t) is loop and not t.done():
                found.add(t)
    return found


def _forget_loop(loop):
    """loop is closing: stop tracking its tasks (the ones nobody holds die now)."""
    for t in [t for t in _all_tasks if t._loop is loop]:
        _all_tasks.discard(t)


def _register_task(task):
    _all_tasks.add(task)


def _unregister_task(task):
    _all_tasks.discard(task)


def _register_eager_task(task):
    _eager_tasks.add(task)


def _unregister_eager_task(task):
    _eager_tasks.discard(task)


def _enter_task(loop, task):
    other = _current_tasks.get(loop)
    if other is not None:
        raise RuntimeError(f"Cannot enter into task {task!r} while another "
                           f"task {other!r} is being executed.")
    _current_tasks[loop] = task


def _leave_task(loop, task):
    other = _current_tasks.get(loop)
    if other is not task:
        raise RuntimeError(f"Leaving task {task!r} does not match "
                           f"the current task {other!r}.")
    del _current_tasks[loop]


def _swap_current_task(loop, task):
    prev = _current_tasks.get(loop)
    if task is None:
        _current_tasks.pop(loop, None)
    else:
        _current_tasks[loop] = task
    return prev


def _task_get_stack(task, limit):
    return _PyTask.get_stack(task, limit=limit)


def _task_print_stack(task, limit, file):
    return _PyTask.print_stack(task, limit=limit, file=file)


def _future_repr(fut):
    return f"<{fut.__class__.__name__} {' '.join(futures._future_repr_info(fut))}>"


def _task_repr(task):
    return f"<{task.__class__.__name__} {' '.join(_task_repr_info(task))}>"


# Gilt's Java Task (module _asyncio) replaces the Python one, which stays as _PyTask; the
# bookkeeping functions move to Java with it, so both kinds of task share it.
_PyTask = Task
_py_current_task = current_task
if futures._asyncio is not None:
    _asyncio = futures._asyncio
    _asyncio._set_hooks(
        get_event_loop=events.get_event_loop,
        future_repr=_future_repr,
        future_repr_info=futures._future_repr_info,
        task_repr=_task_repr,
        task_repr_info=_task_repr_info,
        task_get_stack=_task_get_stack,
        task_print_stack=_task_print_stack,
        iscoroutine=coroutines.iscoroutine,
        cancelled_error=exceptions.CancelledError,
        invalid_state_error=exceptions.InvalidStateError,
        all_tasks=_all_tasks,
        eager_tasks=_eager_tasks,
        copy_context=_compat.copy_context,
    )
    Task = _CTask = _asyncio.Task
    current_task = _asyncio.current_task
    _enter_task = _asyncio._enter_task
    _leave_task = _asyncio._leave_task
    _swap_current_task = _asyncio._swap_current_task
    _next_task_number = _asyncio._next_task_number

eager_task_factory = create_eager_task_factory(Task)
