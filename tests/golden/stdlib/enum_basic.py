import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

print(repr(Color.RED), str(Color.RED), format(Color.RED), f'{Color.GREEN}', Color(2), Color['BLUE'], list(Color), len(Color))
print(Color.RED.name, Color.RED.value, Color.CRIMSON is Color.RED, list(Color.__members__), repr(Color), Color.RED in Color)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE, hash(Color.RED) == hash(Color.RED), {Color.RED: 'r'}[Color.CRIMSON])
print(isinstance(Color.RED, Color), type(Color.RED).__name__, Color.RED.__class__ is Color, [c.name for c in reversed(Color)])
for bad in [lambda: Color(7), lambda: Color['X']]:
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print('AttributeError', e)
try:
    class Bad(Enum):
        A = 1
        A = 2
except TypeError as e:
    print('TypeError', e)
try:
    @unique
    class D(Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError', e)

class N(IntEnum):
    ONE = 1
    TWO = 2
print(repr(N.ONE), str(N.ONE), N.ONE + 1, N.TWO > N.ONE, format(N.ONE, '03d'), N(2), N.ONE == 1, sorted([N.TWO, N.ONE]))

class A(Enum):
    X = auto()
    Y = auto()
print(A.X.value, A.Y.value, repr(A.Y))

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return 6.67300E-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, round(Planet.EARTH.surface_gravity, 3), Planet((3.303e+23, 2.4397e6)))

class Shape(Enum):
    SQUARE = 2
    CIRCLE = 3
    def describe(self):
        return f'{self.name} with {self.value}'
    @classmethod
    def default(cls):
        return cls.SQUARE
print(Shape.CIRCLE.describe(), Shape.default())

class P(Flag):
    R = 4
    W = 2
    X = 1
print(repr(P.R | P.W), str(P.R | P.W), list(P.R | P.W), P(6), repr(P(0)), P.R in (P.R | P.W), bool(P(0)), repr(~P.R), len(P.R | P.X))

class IF(IntFlag):
    R = 4
    W = 2
print(repr(IF.R | IF.W), str(IF.R | IF.W), IF.R | 8, IF.R & 4, isinstance(IF.R, int))

Animal = Enum('Animal', 'ANT BEE CAT')
print(Animal.BEE, repr(Animal.CAT), list(Enum('T', [('a', 5), ('b', 6)])))

class Status(str, Enum):
    OK = 'ok'
    ERR = 'error'
print(Status.OK == 'ok', repr(Status.ERR), Status('ok'))

class WithMissing(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return cls.A
print(WithMissing(99))
