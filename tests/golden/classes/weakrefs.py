# Weak references (the _weakref core), __del__ timing, and cycles collected by gc.
import _weakref
import gc

class Node:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Node({self.name})"
    def __del__(self):
        print("del", self.name)

a = Node("a")
r = _weakref.ref(a)
print(r() is a, _weakref.getweakrefcount(a), _weakref.ref(a) is r, type(r).__name__)
def callback(w):
    print("callback, dead:", w() is None)
r2 = _weakref.ref(a, callback)
print(r2 is r, _weakref.getweakrefcount(a), len(_weakref.getweakrefs(a)))
print(hash(r) == hash(a), r == r2, r.__callback__, r2.__callback__ is callback)
del a
print("after del:", r(), r2())

b = Node("b")
p = _weakref.proxy(b)
print(p.name, repr(p.name), type(p).__name__)
p.extra = 5
print(b.extra)
del b
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)

for bad in (1, "s", (1,), [1], {}):
    try:
        _weakref.ref(bad)
    except TypeError as e:
        print("TypeError:", e)

class Slotted:
    __slots__ = ("x",)
try:
    _weakref.ref(Slotted())
except TypeError as e:
    print("TypeError:", e)
class SlottedWeak:
    __slots__ = ("x", "__weakref__")
sw = SlottedWeak()
print(_weakref.ref(sw)() is sw, sw.__weakref__ is _weakref.ref(sw))

x = Node("x"); y = Node("y")
x.peer = y; y.peer = x
rx = _weakref.ref(x, lambda w: print("cycle member gone"))
del x, y
print("cycle still alive:", rx() is not None)
gc.collect()
print("after collect:", rx())

class Resurrect:
    saved = []
    def __del__(self):
        print("resurrecting")
        Resurrect.saved.append(self)
Resurrect()
print(len(Resurrect.saved))
Resurrect.saved.clear()
print("cleared, no second __del__")

def f(): pass
print(_weakref.ref(f)() is f, _weakref.ref(Node)() is Node)
class KeyedRef(_weakref.ref):
    __slots__ = ("key",)
    def __new__(cls, ob, callback, key):
        self = super().__new__(cls, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
n = Node("n")
kr = KeyedRef(n, None, "the-key")
print(kr.key, kr() is n, isinstance(kr, _weakref.ref))
del n
print(kr())
print("end")
