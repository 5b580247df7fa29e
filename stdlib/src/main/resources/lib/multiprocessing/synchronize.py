"""Locks, semaphores, conditions, events and barriers shared between processes.

Each object is a handle (an integer) on a broker object in the root process; acquire/wait are
broker requests that block with the GIL released. They pickle only while a child is being
started ("through inheritance"), as in CPython.
"""

import os
import sys
import _multiprocessing as _mp
from multiprocessing import context, process

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event']

SEMAPHORE, LOCK, RLOCK = 0, 1, 2
SEM_VALUE_MAX = 2147483647


def _rebuild(cls, state):
    obj = cls.__new__(cls)
    obj.__setstate__(state)
    return obj


class SemLock:
    def __init__(self, kind, value, maxvalue, *, ctx=None):
        self._kind = kind
        self._maxvalue = maxvalue
        self._id = _mp.new_sem(kind, value, maxvalue)

    def acquire(self, block=True, timeout=None):
        return _mp.sem_acquire(self._id, block, timeout)

    def release(self):
        _mp.sem_release(self._id)

    def __enter__(self):
        return _mp.sem_acquire(self._id, True, None)

    def __exit__(self, *args):
        _mp.sem_release(self._id)

    def _is_mine(self):
        return _mp.sem_info(self._id)[1]

    def get_value(self):
        return _mp.sem_info(self._id)[0]

    def _count(self):
        return _mp.sem_info(self._id)[2]

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._kind, self._maxvalue, self._id)

    def __setstate__(self, state):
        self._kind, self._maxvalue, self._id = state

    def __reduce__(self):
        return _rebuild, (type(self), self.__getstate__())


class Semaphore(SemLock):
    def __init__(self, value=1, *, ctx=None):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        SemLock.__init__(self, SEMAPHORE, value, -1, ctx=ctx)

    def __repr__(self):
        return '<%s(value=%s)>' % (type(self).__name__, self.get_value())


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1, *, ctx=None):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        SemLock.__init__(self, SEMAPHORE, value, value, ctx=ctx)

    def __repr__(self):
        return '<%s(value=%s, maxvalue=%s)>' % (type(self).__name__, self.get_value(), self._maxvalue)


def _owner_name(is_mine, pid):
    if is_mine:
        name = process.current_process().name
        th = sys.modules.get('threading')
        if th is not None and th.current_thread().name != 'MainThread':
            name += '|' + th.current_thread().name
        return name
    return 'SomeOtherThread' if pid == os.getpid() else 'SomeOtherProcess'


class Lock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, LOCK, 1, 1, ctx=ctx)

    def __repr__(self):
        value, mine, count, pid, tid, waiters = _mp.sem_info(self._id)
        name = 'None' if value == 1 else _owner_name(mine, pid)
        return '<%s(owner=%s)>' % (type(self).__name__, name)


class RLock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, RLOCK, 1, 1, ctx=ctx)

    def __repr__(self):
        value, mine, count, pid, tid, waiters = _mp.sem_info(self._id)
        if count == 0:
            name, count = 'None', 0
        elif mine:
            name = _owner_name(True, pid)
        else:
            name, count = _owner_name(False, pid), 'nonzero'
        return '<%s(%s, %s)>' % (type(self).__name__, name, count)


class Condition:
    """A condition variable over a (by default recursive) shared lock."""

    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock or RLock(ctx=ctx)
        self._id = _mp.new_cond(self._lock._id)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._lock, self._id)

    def __setstate__(self, state):
        self._lock, self._id = state
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __reduce__(self):
        return _rebuild, (type(self), self.__getstate__())

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return '<%s(%s, %s)>' % (type(self).__name__, self._lock, 0)

    def wait(self, timeout=None):
        """Release the lock, wait for a notify (or timeout), take the lock back."""
        return _mp.cond_wait(self._id, timeout)

    def notify(self, n=1):
        _mp.cond_notify(self._id, n)

    def notify_all(self):
        _mp.cond_notify(self._id, -1)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        if timeout is not None:
            import time
            endtime = time.monotonic() + timeout
        else:
            endtime = None
            waittime = None
        while not result:
            if endtime is not None:
                import time
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Event:
    def __init__(self, *, ctx=None):
        self._id = _mp.new_event()

    def __getstate__(self):
        context.assert_spawning(self)
        return self._id

    def __setstate__(self, state):
        self._id = state

    def __reduce__(self):
        return _rebuild, (type(self), self.__getstate__())

    def is_set(self):
        return _mp.ev_is_set(self._id)

    def set(self):
        _mp.ev_set(self._id)

    def clear(self):
        _mp.ev_clear(self._id)

    def wait(self, timeout=None):
        return _mp.ev_wait(self._id, timeout)

    def __repr__(self):
        set_status = 'set' if self.is_set() else 'unset'
        return f"<{type(self).__qualname__} at {id(self):#x} {set_status}>"


def _broken():
    import threading
    return threading.BrokenBarrierError()


class Barrier:
    """A barrier for `parties` processes; the last to arrive runs `action`."""

    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._id = _mp.new_barrier(parties, action is not None)

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._parties, self._action, self._timeout, self._id)

    def __setstate__(self, state):
        self._parties, self._action, self._timeout, self._id = state

    def __reduce__(self):
        return _rebuild, (type(self), self.__getstate__())

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        r = _mp.bar_wait(self._id, timeout)
        if r is None:
            raise _broken()
        index, run_action = r
        if run_action:
            try:
                self._action()
            except BaseException:
                _mp.bar_action_done(self._id, False)
                raise
            _mp.bar_action_done(self._id, True)
        return index

    def reset(self):
        _mp.bar_reset(self._id)

    def abort(self):
        _mp.bar_abort(self._id)

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return _mp.bar_info(self._id)[1]

    @property
    def broken(self):
        return _mp.bar_info(self._id)[2]

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")
