import functools
from functools import partial, reduce, lru_cache, cache, wraps, total_ordering, cmp_to_key, cached_property
from functools import singledispatch, update_wrapper
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print('TypeError', e)

def power(base, exp, *, mod=None):
    return pow(base, exp, mod)

square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=7)
print(square(5), cube_mod(4), square.func is power, square.args, square.keywords)
p2 = partial(partial(max, 1), 5)
print(p2(3), p2.args, p2.func is max)
print(repr(partial(max, 1, key=None)).startswith('functools.partial(<built-in function max>, 1, key=None'))
try:
    partial(5)
except TypeError as e:
    print('TypeError', e)

calls = []
@lru_cache(maxsize=2)
def f(x):
    calls.append(x)
    return x * 10
print(f(1), f(2), f(1), f(3), f(2), calls, f.cache_info())
f.cache_clear()
print(f.cache_info(), f.cache_parameters(), f.__name__, f.__wrapped__.__name__)

@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())

@cache
def g(a, b=2):
    return a + b
print(g(1), g(1), g(1, b=3), g.cache_info())

def deco(fn):
    @wraps(fn)
    def inner(*args, **kwargs):
        """inner doc"""
        return fn(*args, **kwargs)
    return inner

@deco
def documented(x):
    """Documented function."""
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented(4))

@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
print(Version(1) < Version(2), Version(1) <= Version(1), Version(3) > Version(2), Version(2) >= Version(3))
print(Version.__gt__.__name__)
try:
    total_ordering(type('X', (), {}))
except ValueError as e:
    print('ValueError', e)

def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: len(b) - len(a))))

class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0
    @cached_property
    def area(self):
        self.computed += 1
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, c.computed, 'area' in c.__dict__, type(Circle.area).__name__)

@singledispatch
def describe(x):
    return 'object'
@describe.register
def _(x: int):
    return 'int'
@describe.register(list)
def _(x):
    return 'list'
describe.register(str, lambda x: 'str')
print(describe(1), describe([1]), describe('s'), describe(1.5), describe(True), describe.dispatch(bool).__name__)
try:
    describe()
except TypeError as e:
    print('TypeError', e)
