"""A tour of Gilt: the Python you know, compiled to Gilt bytecode and reference counted."""
import sys
from collections import namedtuple, Counter, defaultdict
from functools import reduce


# --- values and expressions ---------------------------------------------------------
n = 2 ** 100 + 1
print(n, n % 97, -7 // 2, -7 % 2, 7 / 2, 0.1 + 0.2)
print(f"{n:,}  {3.14159:.2f}  {255:#x}  {'left':<6}|  {42!r:>5}  {n=}")
print(1 < 2 < 3, 1 < 2 > 3, 'abc' in 'xabcx', None is None)
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), sorted(set(words))[:3], words[::-3])
print({w: len(w) for w in words if len(w) > 4})
print([x * x for x in range(10) if x % 3], sum(x for x in range(101)))
first, *middle, last = range(6)
print(first, middle, last)
if (k := len(words)) > 5:
    print("walrus says", k)


# --- functions ----------------------------------------------------------------------
def greet(name, /, greeting="Hello", *, punct="!", **extra):
    return f"{greeting}, {name}{punct}" + (f" {extra}" if extra else "")


print(greet("Ada"), greet("Bob", "Hi", punct="?", mood="curious"))


def counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


c = counter()
c(); c(5)
print("closure count:", c())
print(reduce(lambda a, b: a * b, range(1, 11)))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


gen = fib()
print([next(gen) for _ in range(12)])


def chain(*its):
    for it in its:
        yield from it


print(list(chain("ab", [1, 2], (3,))))


# --- classes ------------------------------------------------------------------------
class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"


print(Vector(1, 2) + Vector(3, 4), 3 * Vector(1, 1), Vector(1, 2) == Vector(1, 2))


class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    @property
    def kind(self):
        return type(self).__name__.lower()

    @classmethod
    def make(cls, name):
        return cls(name)


class Dog(Animal):
    sound = "woof"

    def speak(self):
        return super().speak() + "!"


print(Dog.make("Rex").speak(), Dog("Fido").kind, Dog.__mro__[1].__name__)

Point = namedtuple("Point", "x y")
p = Point(3, 4)
print(p, p.x + p.y, p._replace(y=0))
print(Counter("mississippi").most_common(2))
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(dict(groups))


# --- errors -------------------------------------------------------------------------
class Oops(Exception):
    pass


try:
    try:
        {}["missing"]
    except KeyError as e:
        raise Oops("wrapped") from e
except Oops as e:
    print("caught", repr(e), "cause:", repr(e.__cause__))
finally:
    print("finally runs")


class Resource:
    def __enter__(self):
        print("open")
        return self

    def __exit__(self, *exc):
        print("close", exc[0].__name__ if exc[0] else None)
        return True


with Resource():
    1 / 0
print("suppressed by __exit__")


# --- reference counts ---------------------------------------------------------------
class Noisy:
    def __del__(self):
        print("Noisy freed")


x = []
print("refcount of a fresh list:", sys.getrefcount(x))
y = x
print("with a second name:", sys.getrefcount(x))
obj = Noisy()
del obj                       # the count reaches zero: __del__ runs right here
print("after del")
