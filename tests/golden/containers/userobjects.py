# Containers holding user objects: __eq__/__hash__ keys, __lt__ sorting, reentrant comparisons.
class Key:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("eq", self.v, getattr(other, "v", other))
        return isinstance(other, Key) and self.v == other.v
    def __hash__(self):
        return hash(self.v % 3)
    def __repr__(self):
        return "Key(%r)" % self.v

d = {Key(1): "one", Key(4): "four"}
print(d[Key(4)])
print(Key(7) in d, Key(1) in {Key(1)}, [Key(2)].index(Key(2)))
s = {Key(1), Key(4), Key(1)}
print(len(s), s)

class Rev:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return "R%d" % self.v
print(sorted([Rev(1), Rev(3), Rev(2)]), min([Rev(1), Rev(3)]), max([Rev(1), Rev(3)]))

class Evil:
    def __init__(self, target):
        self.target = target
    def __eq__(self, other):
        self.target.clear()
        return False
    def __hash__(self):
        return 1
victim = {}
victim[Evil(victim)] = 1
print(Evil(victim) in victim, len(victim))
lst = [1, 2, 3]
class Shrinker:
    def __eq__(self, other):
        lst.clear()
        return False
print(Shrinker() in lst, lst)

items = [1, 2, 3, 4, 5, 6]
for x in items:
    if x % 2 == 0:
        items.remove(x)
print(items)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), set(Countdown(4)), dict.fromkeys(Countdown(2)), tuple(Countdown(2)), sorted(Countdown(5)))
class R:
    def __reversed__(self):
        return iter("olleh")
print(list(reversed(R())))
def gen():
    yield 1
    yield 2
    raise ValueError("boom")
try:
    list(gen())
except ValueError as e:
    print("ValueError:", e)
try:
    {}.keys() & [[]]
except TypeError as e:
    print("TypeError:", e)
print([[]] * 2, [[0] * 2 for _ in range(2)])
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
