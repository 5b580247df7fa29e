"""JSON encoding (Gilt), with CPython's exact output format."""

__all__ = ['JSONEncoder']

INFINITY = float('inf')

ESCAPE_DCT = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t'}
for _i in range(0x20):
    ESCAPE_DCT.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i


def py_encode_basestring(s):
    """Return a JSON representation of a Python string"""
    out = ['"']
    for c in s:
        e = ESCAPE_DCT.get(c)
        out.append(e if e is not None else c)
    out.append('"')
    return ''.join(out)


encode_basestring = py_encode_basestring


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string"""
    out = ['"']
    for c in s:
        e = ESCAPE_DCT.get(c)
        if e is not None:
            out.append(e)
        elif c < '\x7f':
            out.append(c)
        else:
            n = ord(c)
            if n < 0x10000:
                out.append('\\u{0:04x}'.format(n))
            else:
                n -= 0x10000
                s1 = 0xd800 | ((n >> 10) & 0x3ff)
                s2 = 0xdc00 | (n & 0x3ff)
                out.append('\\u{0:04x}\\u{1:04x}'.format(s1, s2))
    out.append('"')
    return ''.join(out)


encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Implement this method in a subclass such that it returns a serializable object for
        ``o``, or calls the base implementation (to raise a ``TypeError``)."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            else:
                return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string representation as available."""
        if self.check_circular:
            markers = {}
        else:
            markers = None
        if self.ensure_ascii:
            _encoder = encode_basestring_ascii
        else:
            _encoder = encode_basestring

        def floatstr(o, allow_nan=self.allow_nan, _repr=float.__repr__, _inf=INFINITY, _neginf=-INFINITY):
            if o != o:
                text = 'NaN'
            elif o == _inf:
                text = 'Infinity'
            elif o == _neginf:
                text = '-Infinity'
            else:
                return _repr(o)
            if not allow_nan:
                raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
            return text

        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        _iterencode = _make_iterencode(markers, self.default, _encoder, indent, floatstr,
                                       self.key_separator, self.item_separator, self.sort_keys,
                                       self.skipkeys, _one_shot)
        if _one_shot:
            out = []
            _iterencode(o, 0, out.append)
            return out
        out = []
        _iterencode(o, 0, out.append)
        return iter(out)


def _make_iterencode(markers, _default, _encoder, _indent, _floatstr, _key_separator,
                     _item_separator, _sort_keys, _skipkeys, _one_shot,
                     ValueError=ValueError, dict=dict, float=float, id=id, int=int,
                     isinstance=isinstance, list=list, str=str, tuple=tuple,
                     _intstr=int.__repr__):
    """Returns encode(o, level, emit): emits the JSON text of o as str chunks."""

    def encode_list(lst, level, emit):
        if not lst:
            emit('[]')
            return
        if markers is not None:
            markerid = id(lst)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = lst
        emit('[')
        if _indent is not None:
            level += 1
            newline_indent = '\n' + _indent * level
            separator = _item_separator + newline_indent
            emit(newline_indent)
        else:
            newline_indent = None
            separator = _item_separator
        first = True
        for value in lst:
            if first:
                first = False
            else:
                emit(separator)
            encode(value, level, emit)
        if newline_indent is not None:
            level -= 1
            emit('\n' + _indent * level)
        emit(']')
        if markers is not None:
            del markers[markerid]

    def encode_dict(dct, level, emit):
        if not dct:
            emit('{}')
            return
        if markers is not None:
            markerid = id(dct)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = dct
        emit('{')
        if _indent is not None:
            level += 1
            newline_indent = '\n' + _indent * level
            item_separator = _item_separator + newline_indent
            emit(newline_indent)
        else:
            newline_indent = None
            item_separator = _item_separator
        first = True
        if _sort_keys:
            items = sorted(dct.items())
        else:
            items = dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = _intstr(key)
            elif _skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                emit(item_separator)
            emit(_encoder(key))
            emit(_key_separator)
            encode(value, level, emit)
        if newline_indent is not None:
            level -= 1
            emit('\n' + _indent * level)
        emit('}')
        if markers is not None:
            del markers[markerid]

    def encode(o, level, emit):
        if isinstance(o, str):
            emit(_encoder(o))
        elif o is None:
            emit('null')
        elif o is True:
            emit('true')
        elif o is False:
            emit('false')
        elif isinstance(o, int):
            emit(_intstr(o))
        elif isinstance(o, float):
            emit(_floatstr(o))
        elif isinstance(o, (list, tuple)):
            encode_list(o, level, emit)
        elif isinstance(o, dict):
            encode_dict(o, level, emit)
        else:
            if markers is not None:
                markerid = id(o)
                if markerid in markers:
                    raise ValueError("Circular reference detected")
                markers[markerid] = o
            o = _default(o)
            encode(o, level, emit)
            if markers is not None:
                del markers[markerid]

    return encode
