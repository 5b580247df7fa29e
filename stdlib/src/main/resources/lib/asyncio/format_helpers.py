"""How callbacks, arguments and coroutines are shown in reprs and log messages (CPython's text)."""

_MAXSTRING = 30
_MAXOTHER = 30
_MAXLONG = 40
_MAXSEQ = 6


def _cut(s, limit):
    if len(s) > limit:
        i = max(0, (limit - 3) // 2)
        j = max(0, limit - 3 - i)
        s = s[:i] + '...' + s[len(s) - j:]
    return s


def short_repr(x, level=6):
    """reprlib.repr with reprlib's default limits."""
    t = type(x)
    if t is str:
        s = repr(x[:_MAXSTRING])
        if len(s) > _MAXSTRING:
            i = max(0, (_MAXSTRING - 3) // 2)
            j = max(0, _MAXSTRING - 3 - i)
            s = repr(x[:i] + x[len(x) - j:])
            s = s[:i] + '...' + s[len(s) - j:]
        return s
    if t is int:
        return _cut(repr(x), _MAXLONG)
    if t is tuple or t is list:
        if not x:
            return repr(x)
        if level <= 0:
            return '(...)' if t is tuple else '[...]'
        parts = [short_repr(e, level - 1) for e in x[:_MAXSEQ]]
        if len(x) > _MAXSEQ:
            parts.append('...')
        s = ', '.join(parts)
        if t is tuple:
            return '(' + s + (',)' if len(x) == 1 else ')')
        return '[' + s + ']'
    try:
        s = repr(x)
    except Exception:
        return '<%s instance at %#x>' % (t.__name__, id(x))
    return _cut(s, _MAXOTHER)


def _function_type():
    def f():
        pass
    return type(f)


_FunctionType = _function_type()


def _partial_type():
    try:
        import functools
    except ImportError:
        return None
    return functools.partial


def _get_function_source(func):
    while True:
        w = getattr(func, '__wrapped__', None) if type(func) is _FunctionType else None
        if w is None:
            break
        func = w
    if type(func) is _FunctionType:
        code = func.__code__
        try:
            return (code.co_filename, code.co_firstlineno)
        except AttributeError:  # an interpreter whose code objects lack them
            return None
    p = _partial_type()
    if p is not None and isinstance(func, p):
        return _get_function_source(func.func)
    return None


def _format_args_and_kwargs(args, kwargs):
    items = []
    if args:
        items.extend(short_repr(arg) for arg in args)
    if kwargs:
        items.extend(f'{k}={short_repr(v)}' for k, v in kwargs.items())
    return '({})'.format(', '.join(items))


def _format_callback(func, args, kwargs, suffix=''):
    p = _partial_type()
    if p is not None and isinstance(func, p):
        suffix = _format_args_and_kwargs(args, kwargs) + suffix
        return _format_callback(func.func, func.args, func.keywords, suffix)
    q = getattr(func, '__qualname__', None)
    if q:
        func_repr = q
    else:
        n = getattr(func, '__name__', None)
        func_repr = n if n else repr(func)
    func_repr += _format_args_and_kwargs(args, kwargs)
    if suffix:
        func_repr += suffix
    return func_repr


def _format_callback_source(func, args):
    func_repr = _format_callback(func, args, None)
    source = _get_function_source(func)
    if source:
        func_repr += f' at {source[0]}:{source[1]}'
    return func_repr
