# User subclasses of the builtin containers.
class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
ml.tag = "t"
print(ml, ml.total(), type(ml).__name__, ml.tag, isinstance(ml, list), type(ml + [5]).__name__, ml[1:3])

class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "hello":
    c[ch] = c[ch] + 1
print(c, c["z"], type(c.copy()).__name__)

class DefaultList(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.created = True
    def __missing__(self, key):
        value = self[key] = []
        return value
dl = DefaultList(a=[1])
dl["b"].append(2)
dl["a"].append(3)
print(dl, dl.created)

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(3, 4)
print(p, p.x, p[1], type(p).__name__, p + (5,), len(p))

class Tags(set):
    pass
t = Tags("abc")
print(sorted(t), type(t).__name__, repr(Tags()), type(t | {"d"}).__name__)

class Frozen(frozenset):
    pass
f = Frozen([1, 2])
print(f, type(f.copy()).__name__, hash(f) == hash(frozenset([1, 2])))
