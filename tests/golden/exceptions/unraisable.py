# Errors in __del__ and in weakref callbacks are printed as "Exception ignored in: ...", not raised.
import _weakref

class A:
    def __del__(self):
        raise ValueError("in del")

a = A()
del a
print("after del")

class B:
    pass

def cb(w):
    1 / 0

b = B()
r = _weakref.ref(b, cb)
del b
print("after callback", r())
