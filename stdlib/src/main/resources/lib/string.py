"""A collection of string constants, Template strings and the Formatter class (Gilt)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
           "hexdigits", "octdigits", "printable", "punctuation", "whitespace", "Formatter",
           "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string: split, capitalize each word, join."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# ---- Template ---------------------------------------------------------------------------------

_sentinel_dict = {}


def _is_ident_start(c):
    return c == '_' or ('a' <= c <= 'z') or ('A' <= c <= 'Z')


def _is_ident_char(c):
    return _is_ident_start(c) or ('0' <= c <= '9')


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init_subclass__(cls):
        super().__init_subclass__()
        custom = ('pattern' in cls.__dict__ or cls.idpattern != Template.idpattern or
                  cls.braceidpattern is not None or cls.flags is not None)
        if custom:
            import re
            if 'pattern' in cls.__dict__:
                pattern = cls.pattern
            else:
                delim = re.escape(cls.delimiter)
                id = cls.idpattern
                bid = cls.braceidpattern or cls.idpattern
                pattern = fr"""
                {delim}(?:
                  (?P<escaped>{delim})  |
                  (?P<named>{id})       |
                  {{(?P<braced>{bid})}} |
                  (?P<invalid>)
                )
                """
            flags = cls.flags if cls.flags is not None else re.IGNORECASE
            cls.pattern = re.compile(pattern, flags | re.VERBOSE)

    def __init__(self, template):
        self.template = template

    def _invalid(self, index):
        lines = self.template[:index].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = index - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _scan(self):
        """Yields (start, end, kind, name) for each placeholder: kind is escaped, named, braced or
        invalid.  Uses the class's compiled pattern when a subclass customised the syntax."""
        pattern = self.__class__.__dict__.get('pattern') or getattr(self.__class__, 'pattern', None)
        if pattern is not None and not isinstance(pattern, str):
            for mo in pattern.finditer(self.template):
                groups = mo.groupdict()
                for kind in ('escaped', 'named', 'braced', 'invalid'):
                    if groups.get(kind) is not None:
                        yield mo.start(), mo.end(), kind, groups[kind], mo
                        break
            return
        t = self.template
        d = self.delimiter
        n = len(t)
        i = 0
        while True:
            i = t.find(d, i)
            if i < 0:
                return
            j = i + len(d)
            if t.startswith(d, j):
                yield i, j + len(d), 'escaped', d, None
                i = j + len(d)
                continue
            if j < n and _is_ident_start(t[j]) and t[j].isascii():
                k = j + 1
                while k < n and _is_ident_char(t[k]) and t[k].isascii():
                    k += 1
                yield i, k, 'named', t[j:k], None
                i = k
                continue
            if j < n and t[j] == '{':
                k = j + 1
                if k < n and _is_ident_start(t[k]) and t[k].isascii():
                    m = k + 1
                    while m < n and _is_ident_char(t[m]) and t[m].isascii():
                        m += 1
                    if m < n and t[m] == '}':
                        yield i, m + 1, 'braced', t[k:m], None
                        i = m + 1
                        continue
            yield i, j, 'invalid', '', None
            i = j

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        out = []
        last = 0
        for start, end, kind, name, mo in self._scan():
            out.append(self.template[last:start])
            last = end
            if kind in ('named', 'braced'):
                out.append(str(mapping[name]))
            elif kind == 'escaped':
                out.append(self.delimiter)
            else:
                self._invalid(end)
        out.append(self.template[last:])
        return ''.join(out)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        out = []
        last = 0
        for start, end, kind, name, mo in self._scan():
            out.append(self.template[last:start])
            last = end
            if kind in ('named', 'braced'):
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(self.template[start:end])
            elif kind == 'escaped':
                out.append(self.delimiter)
            else:
                out.append(self.template[start:end])
        out.append(self.template[last:])
        return ''.join(out)

    def is_valid(self):
        for start, end, kind, name, mo in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for start, end, kind, name, mo in self._scan():
            if kind in ('named', 'braced') and name not in ids:
                ids.append(name)
            elif kind == 'invalid':
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return ids


# ---- Formatter --------------------------------------------------------------------------------

def _parse_format(format_string):
    """Yields (literal_text, field_name, format_spec, conversion) as str.format parses them."""
    s = format_string
    n = len(s)
    i = 0
    literal = []
    while i < n:
        c = s[i]
        if c == '{':
            if i + 1 < n and s[i + 1] == '{':
                literal.append('{')
                yield ''.join(literal), None, None, None
                literal = []
                i += 2
                continue
            # a replacement field: find its matching close brace (nested braces in the spec)
            depth = 1
            j = i + 1
            while j < n:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                raise ValueError("expected '}' before end of string")
            field = s[i + 1:j]
            name_end = 0
            bracket = False
            while name_end < len(field):
                ch = field[name_end]
                if ch == '[':
                    bracket = True
                elif ch == ']':
                    bracket = False
                elif not bracket and ch in '!:':
                    break
                name_end += 1
            field_name = field[:name_end]
            rest = field[name_end:]
            conversion = None
            format_spec = ''
            if rest.startswith('!'):
                if len(rest) < 2:
                    raise ValueError("end of string while looking for conversion specifier")
                conversion = rest[1]
                rest = rest[2:]
                if rest and not rest.startswith(':'):
                    raise ValueError("expected ':' after conversion specifier")
            if rest.startswith(':'):
                format_spec = rest[1:]
            yield ''.join(literal), field_name, format_spec, conversion
            literal = []
            i = j + 1
        elif c == '}':
            if i + 1 < n and s[i + 1] == '}':
                literal.append('}')
                yield ''.join(literal), None, None, None
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal.append(c)
            i += 1
    if literal:
        yield ''.join(literal), None, None, None


def _split_field_name(field_name):
    """'a.b[0]' -> ('a', [(True, 'b'), (False, 0)])"""
    i = 0
    n = len(field_name)
    while i < n and field_name[i] not in '.[':
        i += 1
    first = field_name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if field_name[i] == '.':
            j = i + 1
            while j < n and field_name[j] not in '.[':
                j += 1
            name = field_name[i + 1:j]
            if not name:
                raise ValueError("Empty attribute in format string")
            rest.append((True, name))
            i = j
        elif field_name[i] == '[':
            j = field_name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = field_name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and field_name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    """The engine of str.format as an overridable class."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field specification to '
                                         'automatic field numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field specification to '
                                         'automatic field numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
