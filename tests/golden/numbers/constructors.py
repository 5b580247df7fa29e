# The constructors int, float, complex, str, bytes, bytearray and bool: arguments and errors.

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

class HasIndex:
    def __index__(self):
        return 7

class HasInt:
    def __int__(self):
        return 8

class HasTrunc:
    def __trunc__(self):
        return 9

class HasFloat:
    def __float__(self):
        return 2.5

class HasComplex:
    def __complex__(self):
        return 1 + 1j

class HasBytes:
    def __bytes__(self):
        return b'raw'

class BadInt:
    def __int__(self):
        return 'no'

cases = [
    ('int()', lambda: int()), ('int(HasIndex())', lambda: int(HasIndex())), ('int(HasInt())', lambda: int(HasInt())),
    ('int(BadInt())', lambda: int(BadInt())), ('int(x=5)', lambda: int(x=5)),
    ("int('5', base=2.5)", lambda: int('5', base=2.5)), ("int('11', base=HasIndex())", lambda: int('11', base=HasIndex())),
    ("int('z', 36)", lambda: int('z', 36)), ('int([1])', lambda: int([1])), ("int('12', base=True)", lambda: int('12', base=True)),
    ('float()', lambda: float()), ('float(HasFloat())', lambda: float(HasFloat())), ('float(HasIndex())', lambda: float(HasIndex())),
    ('float(1, 2)', lambda: float(1, 2)), ('float(x=1)', lambda: float(x=1)), ('float([1])', lambda: float([1])),
    ('complex(HasComplex())', lambda: complex(HasComplex())), ('complex(HasFloat(), HasIndex())', lambda: complex(HasFloat(), HasIndex())),
    ('complex(1, 2, 3)', lambda: complex(1, 2, 3)), ('complex(rea=1)', lambda: complex(rea=1)), ('complex(imag=2)', lambda: complex(imag=2)),
    ('str()', lambda: str()), ('str(object=5)', lambda: str(object=5)), ("str(b'x', errors='strict')", lambda: str(b'x', errors='strict')),
    ('str(1, 2, 3, 4)', lambda: str(1, 2, 3, 4)), ('str(objec=1)', lambda: str(objec=1)), ('str(HasIndex())', lambda: str(HasIndex())[:10]),
    ('bytes(HasBytes())', lambda: bytes(HasBytes())), ('bytes(HasIndex())', lambda: bytes(HasIndex())), ('bytes(1, 2, 3, 4)', lambda: bytes(1, 2, 3, 4)),
    ("bytes('x', errors='ignore')", lambda: bytes('x', errors='ignore')), ("bytes(source=b'q')", lambda: bytes(source=b'q')),
    ('bytes(iter([1, 2]))', lambda: bytes(iter([1, 2]))), ("bytearray(b'ab')", lambda: bytearray(b'ab')),
    ('bytearray(HasIndex())', lambda: bytearray(HasIndex())), ("bytearray('é', 'utf-8')", lambda: bytearray('é', 'utf-8')),
    ('bool()', lambda: bool()), ('bool([0])', lambda: bool([0])), ('bool(x=1)', lambda: bool(x=1)), ('bool(1, 2)', lambda: bool(1, 2)),
]
for label, f in cases:
    show(label, f)
print(type(int()), type(float(1)), type(complex(1)), type(str(1)), type(bytes(1)), type(bytearray(1)), type(bool(1)))
print(int.__name__, float.__qualname__, int.__mro__, bool.__mro__, issubclass(bool, int), isinstance(True, int))
