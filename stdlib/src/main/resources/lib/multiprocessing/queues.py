"""Queue, JoinableQueue and SimpleQueue shared between processes.

Items are pickled by the process that puts them and kept (as bytes) by the broker in the root
process until a get takes them, so a put never blocks on a reader and a child that exits with
items still queued loses nothing ("joining processes that use queues" cannot deadlock here).
"""

import _multiprocessing as _mp
from multiprocessing import context

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']

_NOTHING = _mp.NOTHING


def _empty():
    import queue
    return queue.Empty()


def _full():
    import queue
    return queue.Full()


def _rebuild(cls, state):
    obj = cls.__new__(cls)
    obj.__setstate__(state)
    return obj


class Queue:
    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = 0
        self._maxsize = maxsize
        self._id = _mp.new_queue(maxsize)
        self._closed = False

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._maxsize, self._id)

    def __setstate__(self, state):
        self._maxsize, self._id = state
        self._closed = False

    def __reduce__(self):
        return _rebuild, (type(self), self.__getstate__())

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not _mp.qput(self._id, obj, block, timeout):
            raise _full()

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        r = _mp.qget(self._id, block, timeout)
        if r is _NOTHING:
            raise _empty()
        return r

    def qsize(self):
        return _mp.qsize(self._id)

    def empty(self):
        return _mp.qsize(self._id) == 0

    def full(self):
        return self._maxsize > 0 and _mp.qsize(self._id) >= self._maxsize

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):
    def task_done(self):
        _mp.task_done(self._id)

    def join(self):
        _mp.qjoin(self._id, None)


class SimpleQueue:
    def __init__(self, *, ctx=None):
        self._id = _mp.new_queue(0)

    def __getstate__(self):
        context.assert_spawning(self)
        return self._id

    def __setstate__(self, state):
        self._id = state

    def __reduce__(self):
        return _rebuild, (type(self), self.__getstate__())

    def empty(self):
        return _mp.qsize(self._id) == 0

    def get(self):
        return _mp.qget(self._id, True, None)

    def put(self, obj):
        _mp.qput(self._id, obj, True, None)

    def close(self):
        pass

    __class_getitem__ = classmethod(lambda cls, item: cls)
