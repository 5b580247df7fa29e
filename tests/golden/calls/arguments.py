# Argument binding: positional, keyword, defaults, *args, **kwargs, keyword-only, positional-only.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=8))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))

def g(x, y, /, z):
    return x + y + z

print(g(1, 2, 3), g(1, 2, z=3))

def defaults(a, l=[]):
    l.append(a)
    return l

print(defaults(1), defaults(2), defaults(3, []))
print(f.__defaults__, f.__kwdefaults__, f.__name__, f.__qualname__)

def star_only(*, key):
    return key

print(star_only(key="k"))
kw = {"key": "from dict"}
print(star_only(**kw))
print((lambda *a, **k: (a, k))(1, 2, x=3))
