# Descriptors: property, staticmethod, classmethod, __set_name__, data vs non-data, __slots__.
class Temperature:
    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        "temperature in degrees Celsius"
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temperature(20)
print(t.celsius, t.fahrenheit)
t.celsius = 25
print(t.celsius, Temperature.celsius.__doc__)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.celsius
except AttributeError as e:
    print("AttributeError:", e)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)

class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)

class Record:
    size = Typed()
    count = Typed()

r = Record()
r.size = 3
print(r.size, r.count, type(Record.size).__name__)
try:
    r.size = "big"
except TypeError as e:
    print("TypeError:", e)
r.__dict__["size"] = 99   # a data descriptor wins over the instance dict
print(r.size)

class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Holder:
    attr = NonData()
h = Holder()
print(h.attr)
h.__dict__["attr"] = "from instance"
print(h.attr)

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
    @classmethod
    def made(cls):
        return f"{cls.__name__}: {cls.count}"
    @staticmethod
    def helper(x):
        return x * 2
class Sub(Counter):
    pass
Counter(); Sub(); Sub()
print(Counter.made(), Sub.made(), Sub().helper(21), Counter.helper(1))
print(type(Counter.__dict__["made"]).__name__, type(Counter.__dict__["helper"]).__name__)
print(Counter.__dict__["made"].__func__.__name__, Counter.__dict__["helper"].__wrapped__.__name__)

class Slotted:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
s = Slotted(1)
print(s.x, hasattr(s, "y"), hasattr(s, "__dict__"))
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.y
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(k for k in Slotted.__dict__ if not k.startswith("__")), type(Slotted.x).__name__)
class SlottedChild(Slotted):
    pass
c = SlottedChild(5)
c.extra = 1
print(c.x, c.extra, sorted(c.__dict__))
