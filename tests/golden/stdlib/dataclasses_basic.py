from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, make_dataclass
from dataclasses import FrozenInstanceError, InitVar, KW_ONLY
from typing import ClassVar, List

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(2, 1), repr(p), Point.__doc__, Point.__match_args__)
print([f.name for f in fields(Point)], asdict(p), astuple(p), replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(1))
for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=3), lambda: Point(1, x=2)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
print(Point.__hash__ is None)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()

v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, sorted([v2, v1]), hash(v1) == hash(Version(1, 2)), {v1: 'a'}[Version(1, 2)])
try:
    v1.major = 5
except FrozenInstanceError as e:
    print('FrozenInstanceError', e)

@dataclass
class Inventory:
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default='s', compare=False)
    total: ClassVar[int] = 100

a, b = Inventory(), Inventory()
a.items.append('x')
print(a, b, a.items is b.items, Inventory.total, [f.name for f in fields(Inventory)], Inventory(['q'], 1, 'a') == Inventory(['q'], 1, 'b'))

try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print('ValueError', e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print('TypeError', e)

@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.b = self.a * scale

print(WithPost(3), WithPost(3, 5), fields(WithPost)[1].init)

@dataclass
class Base:
    name: str
    level: int = 1

@dataclass
class Derived(Base):
    extra: str = 'e'
    level: int = 5

print(Derived('d'), Derived('d', 2, 'x'), [f.name for f in fields(Derived)])

@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3

print(KW(1, c=4), KW.__match_args__)
try:
    KW(1, 2)
except TypeError as e:
    print('TypeError', e)

@dataclass(kw_only=True)
class AllKW:
    x: int
    y: int = 1
print(AllKW(x=5))

@dataclass
class Nested:
    p: Point
    ps: list
print(asdict(Nested(Point(1, 2), [Point(3, 4)])), astuple(Nested(Point(1, 2), [])))

Dyn = make_dataclass('Dyn', [('a', int), ('b', str, field(default='z'))])
print(Dyn(1), Dyn(2, 'q') == Dyn(2, 'q'))

@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), NoEq(1).__hash__ is not None)

@dataclass(unsafe_hash=True)
class Hashable:
    v: int
print(hash(Hashable(1)) == hash(Hashable(1)))

@dataclass(slots=True)
class Slotted:
    a: int
    b: int = 2
s = Slotted(1)
print(s, Slotted.__slots__)
