"""Queues for tasks of one loop: Queue (FIFO), PriorityQueue, LifoQueue.

Blocked getters and putters wait on futures in two FIFO deques; every put wakes one getter and
every get wakes one putter. A woken task re-checks the queue (another task may have been
faster), and a cancelled waiter that had been woken passes the wakeup on.
"""

__all__ = ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty')

from . import _compat
from . import locks


class QueueEmpty(Exception):
    """Raised by get_nowait() on an empty queue."""


class QueueFull(Exception):
    """Raised by put_nowait() on a full queue."""


class Queue(locks._LoopBound):
    """A FIFO queue; maxsize <= 0 means unbounded.

    put() waits while the queue is full, get() while it is empty; task_done()/join() count
    unfinished items as queue.Queue does.
    """

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = _compat.deque()
        self._putters = _compat.deque()
        self._unfinished_tasks = 0
        self._finished = locks.Event()
        self._finished.set()
        self._init(maxsize)

    # The storage; subclasses override these three.
    def _init(self, maxsize):
        self._queue = _compat.deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    @staticmethod
    def _wakeup_next(waiters):
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    __class_getitem__ = classmethod(lambda cls, item: cls)

    def _format(self):
        text = f'maxsize={self._maxsize!r}'
        if getattr(self, '_queue', None):
            text += f' _queue={list(self._queue)!r}'
        if self._getters:
            text += f' _getters[{len(self._getters)}]'
        if self._putters:
            text += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            text += f' tasks={self._unfinished_tasks}'
        return text

    def qsize(self):
        """Number of items in the queue."""
        return len(self._queue)

    @property
    def maxsize(self):
        """Number of items allowed in the queue."""
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        """True if there are maxsize items in the queue (never, when maxsize <= 0)."""
        if self._maxsize <= 0:
            return False
        return len(self._queue) >= self._maxsize

    async def put(self, item):
        """Put item in the queue, waiting for a free slot if it is full."""
        while self.full():
            putter = self._get_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except:
                putter.cancel()  # in case it was not cancelled already
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass  # already woken (removed by _wakeup_next)
                if not self.full() and not putter.cancelled():
                    # We were woken for a free slot we will not use: pass it on.
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        """Put item in the queue at once, or raise QueueFull."""
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        if self._finished._value:
            self._finished.clear()
        getters = self._getters
        if getters:
            self._wakeup_next(getters)

    async def get(self):
        """Remove and return an item, waiting for one if the queue is empty."""
        while not self._queue:
            getter = self._get_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        """Remove and return an item at once, or raise QueueEmpty."""
        if not self._queue:
            raise QueueEmpty
        item = self._get()
        putters = self._putters
        if putters:
            self._wakeup_next(putters)
        return item

    def task_done(self):
        """One item taken with get() has been processed (for join())."""
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        """Wait until every item put in the queue has been marked done with task_done()."""
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """Smallest entry first (entries are often (priority, data) tuples)."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _compat.heappush(self._queue, item)

    def _get(self):
        return _compat.heappop(self._queue)


class LifoQueue(Queue):
    """Most recently added entry first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
