# Special methods fill the type's slots; inherited and reassigned ones too.
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __repr__(self):
        return f"Vec{tuple(self.xs)}"
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __setitem__(self, i, v):
        self.xs[i] = v
    def __delitem__(self, i):
        del self.xs[i]
    def __contains__(self, v):
        return v in self.xs
    def __add__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented
    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(*[-a for a in self.xs])
    def __abs__(self):
        return sum(a * a for a in self.xs) ** 0.5
    def __bool__(self):
        return any(self.xs)
    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs
    def __lt__(self, other):
        return abs(self) < abs(other)
    def __iter__(self):
        return iter(self.xs)
    def __call__(self, i):
        return self.xs[i]
    def __hash__(self):
        return hash(tuple(self.xs))

v = Vec(3, 4)
w = Vec(1, 2)
print(v + w, v * 2, 2 * v, -v, abs(v), len(v), v[0], 4 in v, 5 in v)
print(sum([v, w]), bool(Vec(0, 0)), bool(v), v == Vec(3, 4), v != w, w < v, v > w)
print(sorted([v, w, Vec(0, 1)]), max(v, w), list(v), v(1), hash(v) == hash((3, 4)))
v[0] = 30
del v[1]
print(v, len(v))
try:
    v + 1
except TypeError as e:
    print("TypeError:", e)
try:
    v <= w
except TypeError as e:
    print("TypeError:", e)

class Reflected:
    def __radd__(self, other):
        return f"radd({other})"
    def __rsub__(self, other):
        return f"rsub({other})"
print(1 + Reflected(), "a" - Reflected() if False else 5 - Reflected())

class Base:
    def __add__(self, o):
        return "Base.add"
    def __radd__(self, o):
        return "Base.radd"
class Derived(Base):
    def __radd__(self, o):
        return "Derived.radd"
print(Base() + Derived(), Derived() + Base())

class Inplace:
    def __init__(self):
        self.n = 0
    def __iadd__(self, k):
        self.n += k
        return self
i = Inplace()
i += 5
i += 1
print(i.n)

class Late:
    pass
x = Late()
Late.__len__ = lambda self: 42
Late.__repr__ = lambda self: "Late!"
print(len(x), repr(x), x)
del Late.__len__
try:
    len(x)
except TypeError as e:
    print("TypeError:", e)

class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)

class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq())

class Attr:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        return f"<{name}>"
a = Attr()
print(a.real, a.missing)

class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
lg = Logged()
lg.x = 1
del lg.x
print(hasattr(lg, "x"))
