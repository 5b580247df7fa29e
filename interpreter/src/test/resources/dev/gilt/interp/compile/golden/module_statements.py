"""Module doc."""
import os
import os.path
import a.b.c as d
from . import x
from ..m import y as z, w
from q import *
x: int = 3
y: list
a.b: int
a[1]: int = 2
print(os.getcwd(), os.path.join('a', 'b'))
del x, a.b, a[1], a[1:2]
a.b += 1
a[i] += 1
a[i:j] -= 1
a, *b, c = t
(a, b), c = t
[a, b] = 1, 2
a = b = c = f()
x = -1
y = 1 + 2 * 3
z = (1, 2, (3, 4))
s = "ab" * 3
t = ~5
u = not 1
v = 2 ** 100
w = 2 ** 1000
f(a, b=1, *c, **d)
f(*a)
f(**k)
f(a, *b, c, *d)
f(x=1, **k, y=2)
o.m(1, 2, k=3)
assert x, "msg"
assert y
raise E from F
raise
global_var = [1, 2, 3]
dd = {1: 2, 3: 4}
dd2 = {'a': 1, **k, 'b': 2}
ss = {1, 2, 3}
ss2 = {*a, 1}
ll = [*a, *b]
tt = (*a, 1)
sl = a[1:2], a[::2], a[1:], a[:, 1]
b = a if c else d
c = x and y or z
n = (k := 10)
