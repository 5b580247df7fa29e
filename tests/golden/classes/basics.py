# Classes: attributes, inheritance, super(), __class__, special methods.
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    kind = "dog"
    def speak(self):
        return super().speak() + " (woof)"
    def klass(self):
        return __class__

d = Dog("Rex")
print(d.speak(), d.kind, Animal.kind, d.klass() is Dog)
print(repr(d), isinstance(d, Animal), issubclass(Dog, Animal), type(d).__mro__)
print(Dog.__name__, Dog.__qualname__, Dog.__module__, Dog.__bases__)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __len__(self):
        return 2
    def __iter__(self):
        yield self.x
        yield self.y
    __hash__ = None

p = Point(1, 2) + Point(3, 4)
print(list(p), len(p), p == Point(4, 6))

class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Tagged(Base, tag="t1"):
    pass
print(Tagged.tag)

class Outer:
    class Inner:
        def method(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.method.__qualname__)
