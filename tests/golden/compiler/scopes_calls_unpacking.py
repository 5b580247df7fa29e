# closures, scopes, classes, super
def make():
    x = 0
    def inc(d=1):
        nonlocal x
        x += d
        return x
    def get(): return x
    return inc, get
inc, get = make()
inc(); inc(5)
print(get())

class Base:
    def hello(self): return "base"
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def st(a, b=2): return a + b
class Child(Base):
    attr = [i * 2 for i in range(3)]
    def hello(self):
        return "child+" + super().hello()
    def cls(self): return __class__.__name__
c = Child.make()
print(c.hello(), c.cls(), Child.st(1), Child.attr)

def outer():
    v = 'outer'
    class K:
        v = 'class'
        w = v
        def m(self): return v
    return K().m(), K.w
print(outer())

g = 10
def f():
    global g
    g += 1
    return g
print(f(), g)

# comprehensions and walrus
data = [3, 1, 4, 1, 5, 9, 2, 6]
print([y for x in data if (y := x * 2) > 5], y)
print({x: x * x for x in range(4)}, {x % 3 for x in data}, sorted(x for x in data if x > 2))
print([(i, j) for i in range(3) for j in range(i)])
fs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fs])

# unpacking
a, *b, c = range(6)
(d, e), f_ = [1, 2], 3
print(a, b, c, d, e, f_)
first, *rest = "hello"
print(first, rest)
x = [1, 2, 3, 4, 5]
x[1:3] = ['a', 'b', 'c']
del x[0], x[-1]
print(x)
x[0] += 'z'
print(x, x[::2], x[::-1])
class P: pass
p = P(); p.n = 1; p.n += 41; print(p.n)
dd = {'k': [1]}; dd['k'] += [2]; dd['k'][0] *= 7; print(dd)

# calls
def kw(a, b=2, *args, c, d=4, **rest): return (a, b, args, c, d, rest)
print(kw(1, c=3), kw(*[1, 2, 3], **{'c': 5, 'z': 6}), kw(1, 2, 3, 4, c=0, e=9))
def pos(a, b, /, c): return a, b, c
print(pos(1, 2, c=3))
print(*range(3), sep='-', end='!\n')

# chained comparisons, boolean ops, conditional
vals = [1, 5, 10]
print(1 < 5 < 10, 1 < 10 < 5, 0 or [] or 'x', 1 and 2 and 0, not None, 'yes' if vals else 'no')
print(min(1, 2) < 3 > 2 == 2 != 3)

# f-strings
n, w = 3.14159, 10
print(f"{n:.2f}|{n!r:>{w}}|{'s'!s:^5}|{42:#x}|{n=}|{'{'}")
print('%s-%r-%5s|' % ('a', 'b', 'c'), '%d%%' % (50,))
