"""Recognising coroutines and coroutine functions."""

__all__ = ('iscoroutinefunction', 'iscoroutine')

_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100


async def _probe():
    pass


def _coroutine_type():
    c = _probe()
    t = type(c)
    c.close()
    return t


_CoroutineType = _coroutine_type()
_is_coroutine = object()

# Types known to be coroutines (send/throw/close/__await__), by type: a cache like CPython's.
_COROUTINE_TYPES = {_CoroutineType: True}


def iscoroutinefunction(func):
    """True if func is a coroutine function (an async def, or marked with _is_coroutine)."""
    f = func
    while True:
        inner = getattr(f, '__func__', None)       # bound methods, classmethods
        if inner is None:
            inner = getattr(f, 'func', None) if _is_partial(f) else None
        if inner is None:
            break
        f = inner
    code = getattr(f, '__code__', None)
    if code is not None and (getattr(code, 'co_flags', 0) & _CO_COROUTINE):
        return True
    return getattr(func, '_is_coroutine', None) is _is_coroutine


def _is_partial(f):
    try:
        import functools
    except ImportError:
        return False
    return isinstance(f, functools.partial)


def iscoroutine(obj):
    """True if obj is a coroutine object."""
    t = type(obj)
    r = _COROUTINE_TYPES.get(t)
    if r is not None:
        return r
    r = (hasattr(t, 'send') and hasattr(t, 'throw') and hasattr(t, 'close')
         and hasattr(t, '__await__'))
    if len(_COROUTINE_TYPES) < 100:
        _COROUTINE_TYPES[t] = r
    return r


def _format_coroutine(coro):
    q = getattr(coro, '__qualname__', None)
    if q:
        coro_name = q + '()'
    else:
        n = getattr(coro, '__name__', None)
        coro_name = (n if n else f'<{type(coro).__name__} without __name__>') + '()'

    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        running = getattr(coro, 'cr_running', None)
        if running is None:
            running = getattr(coro, 'gi_running', False)
        return f'{coro_name} running' if running else coro_name

    frame = getattr(coro, 'gi_frame', None) or getattr(coro, 'cr_frame', None)
    filename = getattr(code, 'co_filename', None) or '<empty co_filename>'
    if frame is not None:
        return f'{coro_name} running at {filename}:{frame.f_lineno}'
    return f"{coro_name} done, defined at {filename}:{getattr(code, 'co_firstlineno', 0)}"
