"""The scheduling core of the event loop: ready queue, timer heap, one iteration.

Under Gilt the Java class _asyncio.LoopCore replaces _PyLoopCore (same methods, same
behaviour); BaseEventLoop inherits from whichever is in use.

One iteration (_run_once):
  1. drop cancelled timers from the top of the heap (or rebuild the heap when more than half of
     a big heap is cancelled);
  2. wait for I/O: not at all if callbacks are ready, else until the earliest timer, else until
     I/O or a wakeup from another thread (call_soon_threadsafe). Under Gilt the selector
     releases the GIL while it waits;
  3. move the timers that are due to the ready queue;
  4. run the callbacks that were ready when the iteration began; those they schedule run next
     time, so one busy task cannot starve timers and I/O.

The timer heap holds (when, TimerHandle) pairs: only ``when`` orders them (a TimerHandle
compares by its time too), so equal deadlines come out in heapq's order, as in CPython.

Threads: only the thread running the loop touches the heap and the loop's state. Other threads
may only call call_soon_threadsafe(), which appends to the ready deque (atomic) and wakes the
selector.

I/O: a selector loop attaches its selector with _set_selector(); registrations are lists
[reader handle, writer handle, channel] that the selector hands back with the ready events.
"""

from . import _compat
from . import events
from .log import logger

_heappush = _compat.heappush
_heappop = _compat.heappop
EVENT_READ = _compat.EVENT_READ
EVENT_WRITE = _compat.EVENT_WRITE

# Rebuild the timer heap when it has more than this many entries and more than half of them
# are cancelled.
_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5

# Longest single wait in the selector: a day.
MAXIMUM_SELECT_TIMEOUT = 24 * 3600


def _format_handle(handle):
    cb = handle._callback
    owner = getattr(cb, '__self__', None)
    if owner is not None and type(owner).__name__ == 'Task':
        return repr(owner)
    return str(handle)


class _PyLoopCore:
    """Scheduling and one iteration of the loop (Python version of _asyncio.LoopCore)."""

    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._ready = _compat.deque()
        self._scheduled = []
        self._thread_id = None
        self._clock_resolution = _compat.CLOCK_RESOLUTION
        self._debug = False
        self.slow_callback_duration = 0.1
        self._current_handle = None
        self._core_selector = None

    def time(self):
        """The loop's clock: time.monotonic()."""
        return _compat.monotonic()

    def is_running(self):
        return self._thread_id is not None

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def stop(self):
        """Stop after the current iteration (callbacks already scheduled for it still run)."""
        self._stopping = True

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _set_selector(self, selector):
        self._core_selector = selector

    def _clear_callbacks(self):
        self._ready.clear()
        self._scheduled.clear()

    def create_future(self):
        """A Future attached to this loop."""
        from . import futures
        return futures.Future(loop=self)

    # ---- scheduling ------------------------------------------------------------------------

    def call_later(self, delay, callback, *args, context=None):
        """Run callback(*args) after delay seconds; returns a cancellable TimerHandle."""
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        """Run callback(*args) at loop time when; returns a cancellable TimerHandle."""
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
        timer = events.TimerHandle(when, callback, args, self, context)
        _heappush(self._scheduled, (when, timer))
        timer._scheduled = True
        return timer

    def call_soon(self, callback, *args, context=None):
        """Run callback(*args) on the next iteration, after the callbacks already queued."""
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_soon')
        handle = events.Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def _call_soon(self, callback, args, context):
        handle = events.Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        """call_soon() for other threads: also wakes the loop if it is waiting."""
        self._check_closed()
        if self._debug:
            self._check_callback(callback, 'call_soon_threadsafe')
        handle = events.Handle(callback, args, self, context)
        self._ready.append(handle)
        self._write_to_self()
        return handle

    def _add_callback(self, handle):
        """Queue an existing handle (I/O readiness) unless it was cancelled."""
        if not handle._cancelled:
            self._ready.append(handle)

    def _write_to_self(self):
        sel = self._core_selector
        if sel is not None:
            sel.wakeup()

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    # ---- one iteration ---------------------------------------------------------------------

    def _purge_cancelled_timers(self):
        kept = []
        for entry in self._scheduled:
            if entry[1]._cancelled:
                entry[1]._scheduled = False
            else:
                kept.append(entry)
        _compat.heapify(kept)
        self._scheduled = kept
        self._timer_cancelled_count = 0

    def _process_events(self, event_list):
        add = self._ready.append
        for entry, mask in event_list:
            if mask & EVENT_READ:
                reader = entry[0]
                if reader is not None:
                    if reader._cancelled:
                        self._remove_reader(entry[2])
                    else:
                        add(reader)
            if mask & EVENT_WRITE:
                writer = entry[1]
                if writer is not None:
                    if writer._cancelled:
                        self._remove_writer(entry[2])
                    else:
                        add(writer)

    def _run_once(self):
        """One iteration: see the module docstring."""
        heap = self._scheduled
        n = len(heap)
        if (n > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / n > _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            self._purge_cancelled_timers()
            heap = self._scheduled
        else:
            while heap and heap[0][1]._cancelled:
                self._timer_cancelled_count -= 1
                _heappop(heap)[1]._scheduled = False

        ready = self._ready
        if ready or self._stopping:
            timeout = 0
        elif heap:
            timeout = heap[0][0] - self.time()
            if timeout < 0:
                timeout = 0
            elif timeout > MAXIMUM_SELECT_TIMEOUT:
                timeout = MAXIMUM_SELECT_TIMEOUT
        else:
            timeout = None
        sel = self._core_selector
        if sel is not None and not (timeout == 0 and not len(sel)):
            event_list = sel.select(timeout)
            if event_list:
                self._process_events(event_list)

        if heap:
            end_time = self.time() + self._clock_resolution
            while heap and heap[0][0] < end_time:
                timer = _heappop(heap)[1]
                timer._scheduled = False
                ready.append(timer)

        # Only what is ready now; what these callbacks schedule waits for the next iteration.
        ntodo = len(ready)
        popleft = ready.popleft
        if self._debug:
            for _ in range(ntodo):
                handle = popleft()
                if not handle._cancelled:
                    self._run_handle_debug(handle)
        else:
            while ntodo:
                ntodo -= 1
                handle = popleft()
                if not handle._cancelled:
                    handle._run()
        handle = None  # no reference to the last callback survives the iteration


_LoopCore = _compat.accel.LoopCore if _compat.accel is not None else _PyLoopCore
