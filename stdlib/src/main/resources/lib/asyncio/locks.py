"""Synchronization primitives for tasks of one loop: Lock, Event, Condition, Semaphore,
BoundedSemaphore, Barrier.

Each waiter is a Future in a FIFO deque; releasing sets the result of the first live waiter,
which resumes on a later loop iteration. A waiter that is cancelled after it was chosen passes
its turn on, so a cancellation never loses a wakeup. An object binds to the running loop the
first time it has to wait (_LoopBound) and refuses to be used from another loop after that.
"""

__all__ = ('Lock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore', 'Barrier')

from . import _compat
from . import events
from . import exceptions

CancelledError = exceptions.CancelledError
deque = _compat.deque


class _LoopBound:
    """Binds the object to the first running loop that needs it."""

    _loop = None

    def _get_loop(self):
        loop = events._get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop


class _AsyncWith:
    """``async with obj:`` acquires and releases."""

    async def __aenter__(self):
        await self.acquire()
        # The value of "async with lock as x" is None, as in CPython.
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


def _decorated_repr(obj, extra):
    base = object.__repr__(obj)
    return f'<{base[1:-1]} [{extra}]>'


def _with_waiters(extra, waiters):
    if waiters:
        return f'{extra}, waiters:{len(waiters)}'
    return extra


class Lock(_AsyncWith, _LoopBound):
    """A mutual-exclusion lock for tasks; acquire() is a coroutine, release() is not.

    Fair: tasks get the lock in the order they started waiting.
    """

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        return _decorated_repr(self, _with_waiters('locked' if self._locked else 'unlocked',
                                                   self._waiters))

    def locked(self):
        return self._locked

    async def acquire(self):
        """Wait until the lock is free, then take it; returns True."""
        if not self._locked and (self._waiters is None or
                                 all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = deque()
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            # We were woken but cancelled before running: hand the wakeup on.
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        """Free the lock and wake the first waiter (RuntimeError if it was not locked)."""
        if not self._locked:
            raise RuntimeError('Lock is not acquired.')
        self._locked = False
        self._wake_up_first()

    def _wake_up_first(self):
        if not self._waiters:
            return
        first = self._waiters[0]
        if not first.done():
            first.set_result(True)


class Event(_LoopBound):
    """A flag tasks can wait for: set() wakes every waiter, clear() resets it."""

    def __init__(self):
        self._waiters = deque()
        self._value = False

    def __repr__(self):
        return _decorated_repr(self, _with_waiters('set' if self._value else 'unset',
                                                   self._waiters))

    def is_set(self):
        return self._value

    def set(self):
        if self._value:
            return
        self._value = True
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        """Return True once the flag is set (at once if it already is)."""
        if self._value:
            return True
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_AsyncWith, _LoopBound):
    """A condition variable over a Lock (a new one unless given)."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = deque()

    def __repr__(self):
        return _decorated_repr(self, _with_waiters('locked' if self.locked() else 'unlocked',
                                                   self._waiters))

    async def wait(self):
        """Release the lock, wait for notify(), take the lock again; returns True.

        The lock is re-acquired even when the wait is cancelled.
        """
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = self._get_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            cancelled = None
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError as e:
                    cancelled = e
            if cancelled is not None:
                try:
                    raise cancelled
                finally:
                    cancelled = None

    async def wait_for(self, predicate):
        """wait() until predicate() is true; returns its last value."""
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up to n waiters (the lock must be held)."""
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        woken = 0
        for fut in self._waiters:
            if woken >= n:
                break
            if not fut.done():
                woken += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_AsyncWith, _LoopBound):
    """A counter of free slots: acquire() takes one (waiting while none is free), release()
    gives one back. Waiters are served first come, first served."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        return _decorated_repr(self, _with_waiters(extra, self._waiters))

    def locked(self):
        """True if acquire() would have to wait."""
        if self._value == 0:
            return True
        for w in (self._waiters or ()):
            if not w.cancelled():
                return True
        return False

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = deque()
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if fut.done() and not fut.cancelled():
                # A slot was handed to us but we will not use it: give it back.
                self._value += 1
            raise
        finally:
            # Slots may be free while later waiters still wait (FIFO): wake as many as fit.
            while self._value > 0:
                if not self._wake_up_next():
                    break
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        """Hand one slot to the first waiter still waiting; False if there is none."""
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


class _BarrierState:
    __slots__ = ('name', 'value')

    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __repr__(self):
        return f'<_BarrierState.{self.name}: {self.value!r}>'


_FILLING = _BarrierState('FILLING', 'filling')
_DRAINING = _BarrierState('DRAINING', 'draining')
_RESETTING = _BarrierState('RESETTING', 'resetting')
_BROKEN = _BarrierState('BROKEN', 'broken')


class Barrier(_LoopBound):
    """parties tasks wait() until all of them have arrived, then all go on.

    filling: tasks arrive; the last one flips the barrier to draining and everybody leaves;
    the last to leave flips it back to filling. reset() makes the waiting tasks fail with
    BrokenBarrierError and starts over; abort() breaks the barrier for good.
    """

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        extra = self._state.value
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return _decorated_repr(self, extra)

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        """Wait for the others; returns this task's arrival index, 0 .. parties-1."""
        async with self._cond:
            await self._wait_until_open()
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    self._state = _DRAINING
                    self._cond.notify_all()
                else:
                    await self._cond.wait_for(lambda: self._state is not _FILLING)
                    if self._state is _BROKEN or self._state is _RESETTING:
                        raise exceptions.BrokenBarrierError("Abort or reset of barrier")
                return index
            finally:
                self._count -= 1
                if self._count == 0:
                    if self._state is _RESETTING or self._state is _DRAINING:
                        self._state = _FILLING
                    self._cond.notify_all()

    async def _wait_until_open(self):
        await self._cond.wait_for(
            lambda: self._state is not _DRAINING and self._state is not _RESETTING)
        if self._state is _BROKEN:
            raise exceptions.BrokenBarrierError("Barrier aborted")

    async def reset(self):
        """Fail the current waiters with BrokenBarrierError and start filling again."""
        async with self._cond:
            if self._count > 0:
                if self._state is not _RESETTING:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    async def abort(self):
        """Break the barrier: waiters now and later get BrokenBarrierError."""
        async with self._cond:
            self._state = _BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state is _FILLING else 0

    @property
    def broken(self):
        return self._state is _BROKEN
