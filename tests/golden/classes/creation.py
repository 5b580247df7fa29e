# Class creation: type(), metaclasses, MRO, __init_subclass__, __class_getitem__, errors.
Point = type("Point", (), {"x": 1, "__repr__": lambda self: "Point()"})
print(Point, Point(), Point.x, Point.__name__, Point.__qualname__, Point.__bases__)

class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.__mro__], [k.__name__ for k in D.mro()])
try:
    class E(A, B): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class F(A, A): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class G(bool): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class H(int, str): pass
except TypeError as e:
    print("TypeError:", e)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns)
        cls.options = kw
        return cls
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)
    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"

class WithMeta(metaclass=Meta, flavour="x"):
    def __init__(self, v):
        self.v = v
print(WithMeta, WithMeta.made_by, WithMeta.options, type(WithMeta).__name__)
obj = WithMeta(3)
print(obj.v, isinstance(WithMeta, Meta), isinstance(WithMeta, type))
class Child(WithMeta):
    pass
print(type(Child).__name__, Child.made_by)

class Other(type): pass
class O(metaclass=Other): pass
try:
    class Bad(WithMeta, O): pass
except TypeError as e:
    print("TypeError:", e)

class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class Alpha(Plugin, name="alpha"): pass
class Beta(Plugin): pass
print(Plugin.registry, Alpha.plugin_name)
try:
    class Gamma(Plugin, unknown=1): pass
except TypeError as e:
    print("TypeError:", e)

class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"
print(Box[int])

class Outer:
    class Inner:
        pass
    def make(self):
        class Local:
            pass
        return Local
print(Outer.Inner.__qualname__, Outer().make().__qualname__, Outer.Inner.__module__)

class Doc:
    "The docstring."
print(Doc.__doc__, A.__doc__)

class Cls:
    def method(self):
        return __class__
    def sup(self):
        return super()
print(Cls().method() is Cls, type(Cls().sup()).__name__)

class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print("TypeError:", e)
class NewOnly:
    def __new__(cls, *args):
        print("NewOnly.__new__", args)
        return super().__new__(cls)
NewOnly(1, 2)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotMine())
print(A.__subclasses__() == [B, C], type(type), type(object), object.__bases__, type.__base__)
print(sorted(set(dir(D())) - set(dir(object()))))
a = A()
a.__class__ = B
print(type(a).__name__)
try:
    a.__class__ = int
except TypeError as e:
    print("TypeError:", e)
