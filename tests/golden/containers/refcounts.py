# Reference counts of objects held by containers (sys.getrefcount as CPython 3.12 reports it).
import sys
x = object()
base = sys.getrefcount(x)
l = [x, x]
print(sys.getrefcount(x) - base)
t = (x, x, x)
print(sys.getrefcount(x) - base)
d = {"k": x}
s = {x}
print(sys.getrefcount(x) - base)
l.pop()
del t
d.clear()
s.discard(x)
print(sys.getrefcount(x) - base)
copy = l[:]
print(sys.getrefcount(x) - base)
del l, copy
print(sys.getrefcount(x) - base)
sorted_list = sorted([x, x], key=id)
print(sys.getrefcount(x) - base)
del sorted_list
print(sys.getrefcount(x) - base)
