"""What asyncio needs from the platform, in one place.

Under Gilt the Java module ``_asyncio_loop`` supplies the clock, the timer heap, the per-thread
running loop, the NIO selector and loopback TCP channels. Under CPython (used to develop and test
this package: copy it under another name and import it with python3) the same names come from
``time``, ``heapq``, ``threading``, ``selectors`` and ``socket`` (see ``_cpython_io``).

Everything else in the package imports platform pieces from here only, so the rest of the code is
the same on both interpreters. Optional modules (contextvars, threading, concurrent.futures,
logging, traceback, warnings) are looked up lazily and have small fallbacks, because a Gilt build
may not ship them yet.
"""

import sys

try:
    import _asyncio_loop as _native
except ImportError:
    _native = None

GILT = _native is not None

# Gilt's Java Future, Task, handles and loop core (CPython has a C module of the same name,
# which belongs to its own asyncio: only Gilt's is used).
if GILT:
    import _asyncio as accel
else:
    accel = None

EVENT_READ = 1
EVENT_WRITE = 2

if GILT:
    monotonic = _native.monotonic
    heappush = _native.heappush
    heappop = _native.heappop
    heapify = _native.heapify
    get_running_loop_raw = _native.get_running_loop
    set_running_loop = _native.set_running_loop
    get_ident = _native.get_ident
    is_main_thread = _native.is_main_thread
    Selector = _native.Selector
    tcp_listen = _native.tcp_listen
    tcp_connect = _native.tcp_connect
    CLOCK_RESOLUTION = 1e-09
else:
    from ._cpython_io import (monotonic, heappush, heappop, heapify, get_running_loop_raw,
                              set_running_loop, get_ident, is_main_thread, Selector,
                              tcp_listen, tcp_connect, CLOCK_RESOLUTION)

try:
    from collections import deque
except ImportError:  # a Gilt build without collections: a small two-list queue
    class deque:
        """The subset of collections.deque asyncio uses (append/popleft/remove/iteration)."""

        def __init__(self, items=()):
            self._head = []
            self._tail = list(items)

        def _norm(self):
            if not self._head:
                self._tail.reverse()
                self._head, self._tail = self._tail, self._head

        def append(self, x):
            self._tail.append(x)

        def appendleft(self, x):
            self._head.append(x)

        def popleft(self):
            self._norm()
            if not self._head:
                raise IndexError("pop from an empty deque")
            return self._head.pop()

        def pop(self):
            if not self._tail:
                self._head.reverse()
                self._head, self._tail = self._tail, self._head
            if not self._tail:
                raise IndexError("pop from an empty deque")
            return self._tail.pop()

        def _items(self):
            return self._head[::-1] + self._tail

        def __iter__(self):
            return iter(self._items())

        def __len__(self):
            return len(self._head) + len(self._tail)

        def __bool__(self):
            return bool(self._head) or bool(self._tail)

        def remove(self, x):
            items = self._items()
            items.remove(x)
            self._head = []
            self._tail = items

        def clear(self):
            self._head = []
            self._tail = []

        def __getitem__(self, i):
            return self._items()[i]

        def __repr__(self):
            return "deque(%r)" % (self._items(),)

try:
    import contextvars as _contextvars
    copy_context = _contextvars.copy_context
except ImportError:
    _contextvars = None
    copy_context = None


class _Counter:
    """itertools.count(1).__next__ without itertools."""
    __slots__ = ("n",)

    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        return self.n


# ---- modules loaded on first use -------------------------------------------------------------

def warn(message, category, stacklevel=1):
    try:
        import warnings
    except ImportError:
        return
    warnings.warn(message, category, stacklevel=stacklevel + 1)


def print_exception(exc, file=None):
    """Writes exc's traceback as CPython's logging does (traceback.print_exception)."""
    if file is None:
        file = sys.stderr
    try:
        import traceback
    except ImportError:
        traceback = None
    if traceback is not None:
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=file)
        return
    file.write("".join(_format_chain(exc, set())))


# ---- a small traceback formatter, for interpreters without the traceback module ----------------
# (CPython's layout without the ^^^ markers, which only show for part-of-line expressions.)

_source_lines = {}


def _source_line(filename, lineno):
    lines = _source_lines.get(filename)
    if lines is None:
        try:
            with open(filename, encoding="utf-8") as f:
                lines = f.read().splitlines()
        except (OSError, UnicodeDecodeError, ValueError):
            lines = []
        _source_lines[filename] = lines
    if 0 < lineno <= len(lines):
        return lines[lineno - 1].strip()
    return ""


def _format_chain(exc, seen):
    seen.add(id(exc))
    out = []
    cause = exc.__cause__
    context = exc.__context__
    if cause is not None and id(cause) not in seen:
        out.extend(_format_chain(cause, seen))
        out.append("\nThe above exception was the direct cause of the following exception:\n\n")
    elif (context is not None and not exc.__suppress_context__ and id(context) not in seen):
        out.extend(_format_chain(context, seen))
        out.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    tb = exc.__traceback__
    if tb is not None:
        out.append("Traceback (most recent call last):\n")
        while tb is not None:
            code = tb.tb_frame.f_code
            filename = getattr(code, "co_filename", "?")
            lineno = tb.tb_lineno
            out.append('  File "%s", line %s, in %s\n' % (filename, lineno, code.co_name))
            line = _source_line(filename, lineno)
            if line:
                out.append("    %s\n" % line)
            tb = tb.tb_next
    out.append(_exception_only(exc))
    return out


def _exception_only(exc):
    t = type(exc)
    name = t.__qualname__
    module = t.__module__
    if module not in ("builtins", "__main__"):
        name = module + "." + name
    try:
        text = str(exc)
    except Exception:
        text = "<exception str() failed>"
    return "%s: %s\n" % (name, text) if text else name + "\n"


def thread_executor():
    """The default executor: concurrent.futures.ThreadPoolExecutor, or a thread per job."""
    try:
        from concurrent.futures import ThreadPoolExecutor
    except ImportError:
        return _ThreadPerJobExecutor()
    return ThreadPoolExecutor(thread_name_prefix="asyncio")


class _JobFuture:
    """The part of concurrent.futures.Future that wrap_future needs, for _ThreadPerJobExecutor."""

    def __init__(self):
        self._done = False
        self._cancelled = False
        self._result = None
        self._exception = None
        self._callbacks = []
        import _thread
        self._lock = _thread.allocate_lock()

    def done(self):
        return self._done

    def cancelled(self):
        return self._cancelled

    def cancel(self):
        with self._lock:
            if self._done:
                return False
            self._cancelled = True
            self._done = True
        self._fire()
        return True

    def set_running_or_notify_cancel(self):
        return not self._cancelled

    def result(self, timeout=None):
        if self._cancelled:
            from .exceptions import CancelledError
            raise CancelledError()
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        return self._exception

    def add_done_callback(self, fn):
        with self._lock:
            if not self._done:
                self._callbacks.append(fn)
                return
        fn(self)

    def _finish(self, result, exc):
        with self._lock:
            if self._done:
                return
            self._result = result
            self._exception = exc
            self._done = True
        self._fire()

    def _fire(self):
        cbs, self._callbacks = self._callbacks, []
        for fn in cbs:
            fn(self)


class _ThreadPerJobExecutor:
    """Runs each submitted call on a new thread (used only when concurrent.futures is missing)."""

    def __init__(self):
        self._shutdown = False
        self._threads = []

    def submit(self, fn, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        fut = _JobFuture()

        def work():
            try:
                r = fn(*args, **kwargs)
            except BaseException as e:
                fut._finish(None, e)
            else:
                fut._finish(r, None)
        try:
            import threading
            t = threading.Thread(target=work, name="asyncio_%d" % (len(self._threads),))
            t.start()
            self._threads.append(t)
        except ImportError:
            import _thread
            _thread.start_new_thread(work, ())
        return fut

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if wait:
            for t in self._threads:
                t.join()
        self._threads = []


def is_concurrent_future(obj):
    if isinstance(obj, _JobFuture):
        return True
    cf = sys.modules.get("concurrent.futures")
    return cf is not None and isinstance(obj, cf.Future)
