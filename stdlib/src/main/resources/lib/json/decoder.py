"""JSON decoding (Gilt): a recursive-descent scanner with CPython's error messages."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'
_BACKSLASH = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}


def _skip_ws(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def scanstring(s, end, strict=True):
    """Scan the string s for a JSON string whose opening quote is at end - 1.
    Returns (the decoded str, the index after the closing quote)."""
    chunks = []
    append = chunks.append
    begin = end - 1
    n = len(s)
    i = end
    while True:
        # fast-forward over ordinary characters
        j = i
        while j < n:
            c = s[j]
            if c == '"' or c == '\\' or c < ' ':
                break
            j += 1
        if j > i:
            append(s[i:j])
        if j >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        c = s[j]
        if c == '"':
            return ''.join(chunks), j + 1
        if c != '\\':
            if strict:
                raise JSONDecodeError("Invalid control character at", s, j)
            append(c)
            i = j + 1
            continue
        if j + 1 >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[j + 1]
        if esc != 'u':
            try:
                append(_BACKSLASH[esc])
            except KeyError:
                raise JSONDecodeError("Invalid \\escape", s, j) from None
            i = j + 2
            continue
        uni = _decode_uXXXX(s, j + 1)
        i = j + 6
        if 0xd800 <= uni <= 0xdbff and s[i:i + 2] == '\\u':
            uni2 = _decode_uXXXX(s, i + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                i += 6
        append(chr(uni))


def _decode_uXXXX(s, pos):
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and all(c in _HEX for c in esc):
        return int(esc, 16)
    raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)


def _scan_number(s, idx):
    """The end of the number starting at idx and whether it is an integer, or None."""
    n = len(s)
    i = idx
    if i < n and s[i] == '-':
        i += 1
    if i >= n or s[i] not in _DIGITS:
        return None
    if s[i] == '0':
        i += 1
    else:
        while i < n and s[i] in _DIGITS:
            i += 1
    is_int = True
    if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
        is_int = False
        i += 2
        while i < n and s[i] in _DIGITS:
            i += 1
    if i < n and s[i] in 'eE':
        j = i + 1
        if j < n and s[j] in '+-':
            j += 1
        if j < n and s[j] in _DIGITS:
            is_int = False
            i = j + 1
            while i < n and s[i] in _DIGITS:
                i += 1
    return i, is_int


class _Scanner:
    def __init__(self, context):
        self.strict = context.strict
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant
        self.memo = {}

    def __call__(self, string, idx):
        try:
            return self.scan_once(string, idx)
        finally:
            self.memo.clear()

    def scan_once(self, s, idx):
        if idx >= len(s):
            raise StopIteration(idx) from None
        c = s[idx]
        if c == '"':
            return scanstring(s, idx + 1, self.strict)
        if c == '{':
            return self.parse_object(s, idx + 1)
        if c == '[':
            return self.parse_array(s, idx + 1)
        if c == 'n' and s.startswith('null', idx):
            return None, idx + 4
        if c == 't' and s.startswith('true', idx):
            return True, idx + 4
        if c == 'f' and s.startswith('false', idx):
            return False, idx + 5
        num = _scan_number(s, idx)
        if num is not None:
            end, is_int = num
            text = s[idx:end]
            if is_int:
                return self.parse_int(text), end
            return self.parse_float(text), end
        if c == 'N' and s.startswith('NaN', idx):
            return self.parse_constant('NaN'), idx + 3
        if c == 'I' and s.startswith('Infinity', idx):
            return self.parse_constant('Infinity'), idx + 8
        if c == '-' and s.startswith('-Infinity', idx):
            return self.parse_constant('-Infinity'), idx + 9
        raise StopIteration(idx)

    def value_at(self, s, idx):
        try:
            return self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None

    def parse_object(self, s, end):
        pairs = []
        memo_get = self.memo.setdefault
        end = _skip_ws(s, end)
        if end < len(s) and s[end] == '}':
            if self.object_pairs_hook is not None:
                return self.object_pairs_hook(pairs), end + 1
            result = {}
            if self.object_hook is not None:
                result = self.object_hook(result)
            return result, end + 1
        while True:
            if end >= len(s) or s[end] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end)
            key, end = scanstring(s, end + 1, self.strict)
            key = memo_get(key, key)
            end = _skip_ws(s, end)
            if end >= len(s) or s[end] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip_ws(s, end + 1)
            value, end = self.value_at(s, end)
            pairs.append((key, value))
            end = _skip_ws(s, end)
            c = s[end] if end < len(s) else ''
            end += 1
            if c == '}':
                break
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, end

    def parse_array(self, s, end):
        values = []
        end = _skip_ws(s, end)
        if end < len(s) and s[end] == ']':
            return values, end + 1
        while True:
            value, end = self.value_at(s, end)
            values.append(value)
            end = _skip_ws(s, end)
            c = s[end] if end < len(s) else ''
            end += 1
            if c == ']':
                break
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip_ws(s, end)
        return values, end


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.scan_once = _Scanner(self)

    def decode(self, s, _w=None):
        """Return the Python representation of ``s`` (a ``str`` instance containing a JSON document)."""
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with a JSON document) and return
        a 2-tuple of the Python representation and the index in ``s`` where the document ended."""
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end
