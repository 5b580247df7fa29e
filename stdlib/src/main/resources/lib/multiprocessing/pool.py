"""Pool: a pool of worker processes (Gilt).

Tasks go to a broker queue that the workers read; each worker runs the Java loop
_multiprocessing.pool_worker, so a worker process needs no Python module of its own. Results
come back on a second queue, read by one handler thread of the pool, which also keeps the pool
at its size (replacing workers that exit, e.g. after maxtasksperchild tasks) and, once the pool
is closed and its work is done, sends each worker its stop sentinel.

Thread safety: the cache of pending jobs is a dict touched by the caller threads (adding) and
the handler thread (completing); single dict operations are atomic in Gilt as in CPython.
"""

import os
import sys
import itertools
import _thread
import _multiprocessing as _mp
from multiprocessing import context, process

__all__ = ['Pool']

RUN, CLOSE, TERMINATE = 0, 1, 2
_NOTHING = _mp.NOTHING
_CALL, _MAP, _STARMAP = 0, 1, 2

job_counter = itertools.count()


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    """A result or exception of a worker that could not be pickled."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


def _decode_failure(value):
    if isinstance(value, tuple) and len(value) == 3 and value[0] == '__encoding__':
        err = MaybeEncodingError.__new__(MaybeEncodingError)
        err.exc = value[2]
        err.value = value[1]
        Exception.__init__(err, err.exc, err.value)
        return err
    exc, tb = value
    return rebuild_exc(exc, tb)


class _Flag:
    """A one-shot event on a _thread lock (threading would cost its import)."""

    def __init__(self):
        self._set = False
        self._lock = _thread.allocate_lock()
        self._lock.acquire()

    def set(self):
        if not self._set:
            self._set = True
            self._lock.release()

    def is_set(self):
        return self._set

    def wait(self, timeout=None):
        if self._set:
            return True
        if timeout is None:
            got = self._lock.acquire()
        else:
            got = self._lock.acquire(True, max(timeout, 0))
        if got:
            self._lock.release()
        return self._set


def _check_running(pool):
    if pool._state != RUN:
        raise ValueError("Pool not running")


class Pool:
    """Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None)."""

    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        self._pool = []
        self._state = RUN
        self._ctx = context or _default_context()
        self._cache = {}
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasksperchild = maxtasksperchild
        self._inqueue = _mp.new_queue(0)
        self._outqueue = _mp.new_queue(0)
        self._sentinels_sent = False
        self._handler_done = _Flag()
        try:
            self._repopulate_pool()
        except Exception:
            for p in self._pool:
                if p.exitcode is None:
                    p.terminate()
            for p in self._pool:
                p.join()
            raise
        _thread.start_new_thread(self._handle_results, ())

    def __repr__(self):
        cls = self.__class__
        state = {RUN: 'RUN', CLOSE: 'CLOSE', TERMINATE: 'TERMINATE'}[self._state]
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={state} pool_size={len(self._pool)}>')

    # ---- workers ---------------------------------------------------------------------------------

    def _repopulate_pool(self):
        for _ in range(self._processes - len(self._pool)):
            w = self.Process(self._ctx, target=_mp.pool_worker,
                             args=(self._inqueue, self._outqueue, self._initializer,
                                   self._initargs, self._maxtasksperchild, False))
            w.name = w.name.replace('Process', 'PoolWorker')
            w.daemon = True
            w.start()
            self._pool.append(w)

    def _maintain_pool(self):
        """Reaps workers that exited; refills the pool while there is (or may be) work."""
        changed = False
        for w in list(self._pool):
            if w.exitcode is not None:
                w.join()
                self._pool.remove(w)
                changed = True
        if changed and (self._state == RUN or (self._cache and self._state != TERMINATE)):
            self._repopulate_pool()

    def _handle_results(self):
        try:
            while True:
                item = _mp.qget(self._outqueue, True, 0.1)
                if item is not _NOTHING:
                    job, i, ok, value = item
                    if not ok:
                        value = _decode_failure(value)
                    result = self._cache.get(job)
                    if result is not None:
                        try:
                            result._set(i, (ok, value))
                        except Exception:
                            pass
                    continue
                if self._state == TERMINATE:
                    break
                self._maintain_pool()
                if self._state == CLOSE and not self._cache:
                    if not self._sentinels_sent:
                        self._sentinels_sent = True
                        for _ in self._pool:
                            _mp.qput(self._inqueue, None, True, None)
                    if all(w.exitcode is not None for w in self._pool):
                        break
        finally:
            self._handler_done.set()

    # ---- submitting work ----------------------------------------------------------------------

    def _put(self, result, tasks):
        """Queues the tasks of a job; a task that cannot be pickled fails the whole job."""
        try:
            for t in tasks:
                _mp.qput(self._inqueue, t, True, None)
        except BaseException:
            self._cache.pop(result._job, None)
            raise

    def apply(self, func, args=(), kwds={}):
        """func(*args, **kwds) in a worker; waits for the result."""
        return self.apply_async(func, args, kwds).get()

    def map(self, func, iterable, chunksize=None):
        """list(map(func, iterable)) computed by the workers in chunks."""
        return self._map_async(func, iterable, _MAP, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        """Like map() but func(*args) for each args in iterable."""
        return self._map_async(func, iterable, _STARMAP, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _STARMAP, chunksize, callback, error_callback)

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _MAP, chunksize, callback, error_callback)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        """func(*args, **kwds) in a worker; an AsyncResult now."""
        _check_running(self)
        result = ApplyResult(self, callback, error_callback)
        self._put(result, [(result._job, 0, _CALL, func, (tuple(args), dict(kwds)))])
        return result

    def _map_async(self, func, iterable, kind, chunksize=None, callback=None, error_callback=None):
        _check_running(self)
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        task_batches = Pool._get_tasks(iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback, error_callback)
        self._put(result, [(result._job, i, kind, func, chunk)
                           for i, chunk in enumerate(task_batches)])
        return result

    def imap(self, func, iterable, chunksize=1):
        """An iterator over func(x) for x in iterable, in order."""
        return self._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        """Like imap() but in the order results arrive."""
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def _imap(self, cls, func, iterable, chunksize):
        _check_running(self)
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        result = cls(self)
        chunks = list(Pool._get_tasks(iterable, chunksize))
        result._chunked = chunksize > 1
        self._put(result, [(result._job, i, _MAP, func, chunk) for i, chunk in enumerate(chunks)])
        result._set_length(len(chunks))
        return result

    @staticmethod
    def _get_tasks(iterable, size):
        it = iter(iterable)
        if size <= 0:
            return []
        out = []
        while True:
            x = tuple(itertools.islice(it, size))
            if not x:
                return out
            out.append(x)

    # ---- shutting down ------------------------------------------------------------------------

    def close(self):
        """No more work will be submitted; workers exit once the queued work is done."""
        if self._state == RUN:
            self._state = CLOSE

    def terminate(self):
        """Stop the workers now (work still pending is lost)."""
        self._state = TERMINATE
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()

    def join(self):
        """Wait for the workers to exit (after close() or terminate())."""
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._handler_done.wait()
        for w in self._pool:
            w.join()

    def __enter__(self):
        _check_running(self)
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()

    def __reduce__(self):
        raise NotImplementedError(
            'pool objects cannot be passed between processes or pickled')


def _default_context():
    return context._default_context.get_context()


class ApplyResult:
    """The result of apply_async(): get(), wait(), ready(), successful()."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = _Flag()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise context.TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        self._cache.pop(self._job, None)
        self._pool = None

    __class_getitem__ = classmethod(lambda cls, item: cls)


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            self._cache.pop(self._job, None)
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                self._cache.pop(self._job, None)
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                # The first failure decides the outcome; later chunks are ignored.
                self._success = False
                self._value = result
            if self._number_left == 0 or not success:
                if self._error_callback and not success:
                    self._error_callback(self._value)
                self._cache.pop(self._job, None)
                self._event.set()
                self._pool = None


class IMapIterator:
    """The iterator of imap(): next(timeout=None)."""

    def __init__(self, pool):
        self._pool = pool
        self._cond = _thread.allocate_lock()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = {}
        self._ordered = []
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._received = 0
        self._signal = _Flag()
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def _set_length(self, length):
        self._length = length
        if self._received >= length:
            self._finish()

    def _finish(self):
        self._cache.pop(self._job, None)
        self._pool = None

    def _set(self, i, obj):
        self._items[i] = obj
        self._received += 1
        if self._length is not None and self._received >= self._length:
            self._finish()
        old, self._signal = self._signal, _Flag()
        old.set()

    def _take(self):
        """The next finished chunk for this iterator, or None."""
        if self._index in self._items:
            r = self._items.pop(self._index)
            self._index += 1
            return r
        return None

    def next(self, timeout=None):
        import time
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            if self._ordered:
                return self._ordered.pop(0)
            if self._length is not None and self._index >= self._length:
                raise StopIteration from None
            signal = self._signal
            chunk = self._take()
            if chunk is not None:
                success, value = chunk
                if not success:
                    raise value
                self._ordered.extend(value)
                continue
            if deadline is None:
                signal.wait()
            else:
                left = deadline - time.monotonic()
                if left <= 0 or not signal.wait(left):
                    if self._take_ready():
                        continue
                    raise context.TimeoutError from None

    def _take_ready(self):
        return self._index in self._items

    __next__ = next


class IMapUnorderedIterator(IMapIterator):
    def _take(self):
        if self._items:
            k = next(iter(self._items))
            self._index += 1
            return self._items.pop(k)
        return None

    def _take_ready(self):
        return bool(self._items)
