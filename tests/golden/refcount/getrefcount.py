# sys.getrefcount reports CPython's numbers (names, arguments, containers).
import sys

a = []
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))

def f(x):
    return sys.getrefcount(x)

print(f(a))
del b
print(sys.getrefcount(a))
container = [a, a, a]
print(sys.getrefcount(a))
d = {"k": a}
print(sys.getrefcount(a))
container.clear()
d.clear()
print(sys.getrefcount(a))

def local_only():
    obj = object()
    return sys.getrefcount(obj)
print(local_only())

def two_names():
    obj = []
    alias = obj
    return sys.getrefcount(obj)
print(two_names())

class Node:
    pass
n = Node()
print(sys.getrefcount(n))
n.self_ref = n
print(sys.getrefcount(n))
del n.self_ref
print(sys.getrefcount(n))
t = (a,)
print(sys.getrefcount(a))
del t
print(sys.getrefcount(a))
