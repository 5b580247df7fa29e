# User subclasses of int, float, complex, str, bytes and bytearray; bool is final.

class MyInt(int):
    """An int with extras."""
    def double(self):
        return self * 2
    def __repr__(self):
        return 'MyInt(%d)' % self

class Celsius(float):
    def __new__(cls, value, unit='C'):
        obj = super().__new__(cls, value)
        obj.unit = unit
        return obj
    def __str__(self):
        return '%.1f°%s' % (self, self.unit)

class Tag(str):
    def shout(self):
        return self.upper() + '!'

class Blob(bytes):
    pass

class Buf(bytearray):
    def __init__(self, data, name):
        super().__init__(data)
        self.name = name

class Z(complex):
    pass

m = MyInt(21)
print(m, str(m), repr(m), m.double(), m + 1, type(m + 1).__name__, -m, type(-m).__name__, int(m), type(int(m)).__name__)
print(isinstance(m, int), issubclass(MyInt, int), MyInt('ff', 16), MyInt(), MyInt(3.9), hash(m) == hash(21), m == 21)
m.note = 'attr'
print(m.note, m.__dict__, m.real, m.bit_length(), f'{m:>5}|', '%d' % m, [0, 1, 2][MyInt(1)], divmod(m, 4))
c = Celsius(21.456)
print(c, repr(c), c + 1, type(c + 1).__name__, c.unit, Celsius(5, 'F'), round(c, 1), float(c), c.is_integer())
t = Tag('hey')
print(t, repr(t), t.shout(), t + 'x', type(t + 'x').__name__, t * 2, len(t), t[0], type(t[0]).__name__, t == 'hey', hash(t) == hash('hey'))
print({t: 1}['hey'], 'hey' in {t}, str(t), type(str(t)).__name__, t.upper(), f'{t:>5}', '%s' % t, ''.join([t, t]))
b = Blob(b'abc')
print(b, len(b), b[0], b[1:], type(b[1:]).__name__, b.decode(), b == b'abc', bytes(b), type(bytes(b)).__name__)
u = Buf(b'xyz', 'buf')
u.append(33)
print(u, u.name, len(u), bytes(u))
z = Z(1, 2)
print(z, z + 1, type(z + 1).__name__, z.real, abs(Z(3, 4)))
try:
    class B(bool):
        pass
except TypeError as e:
    print('TypeError:', e)
print(bool(m), bool(MyInt(0)), int.__new__(MyInt, 7), type(int.__new__(MyInt, 7)).__name__)
print(MyInt.__doc__, MyInt.__mro__, MyInt(5) + MyInt(6), sorted([MyInt(3), 1, MyInt(2)]))

class Meters(int):
    def __add__(self, other):
        return Meters(int(self) + int(other))
    def __repr__(self):
        return f'{int(self)}m'

print(Meters(2) + 3, 3 + Meters(2), sum([Meters(1), Meters(2)], Meters(0)))

class Loud(str):
    def __str__(self):
        return self.upper()
    def __format__(self, spec):
        return '<' + str.__format__(self, spec) + '>'

l = Loud('quiet')
print(l, str(l), f'{l:>7}', format(l, ''), '{}'.format(l), repr(l))
