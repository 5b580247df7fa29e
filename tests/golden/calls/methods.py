# Bound methods, unbound functions, method objects as values.
class Counter:
    def __init__(self, start):
        self.n = start
    def bump(self, by=1):
        self.n += by
        return self.n

c = Counter(10)
b = c.bump
print(b(), b(5), Counter.bump(c), c.n)
print(b.__self__ is c, b.__func__ is Counter.bump, b.__name__, b.__qualname__)
print(c.bump == c.bump, c.bump is c.bump)
fns = [c.bump, Counter(0).bump]
print([f(2) for f in fns])
def outside(self):
    return "outside", self.n
Counter.outside = outside
print(c.outside())
print(type(b).__name__, type(Counter.bump).__name__)
