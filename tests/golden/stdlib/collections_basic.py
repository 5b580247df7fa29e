from collections import namedtuple, Counter, defaultdict, OrderedDict, ChainMap, deque, UserDict, UserList
import collections.abc as cabc

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._make([3, 4]), Point._fields)
print(repr(Point), isinstance(p, tuple), len(p), p == (1, 2), hash(p) == hash((1, 2)))
x, y = p
print(x, y, Point.__doc__, Point.x.__doc__)
P3 = namedtuple('P3', 'a, b c', defaults=[10, 20])
print(P3(1), P3(1, 2, 3), P3._field_defaults)
R = namedtuple('R', ['abc', 'def', 'abc', '_x'], rename=True)
print(R._fields)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=3), lambda: Point(1, x=2),
            lambda: namedtuple('X', ['1a']), lambda: namedtuple('X', ['class']), lambda: namedtuple('X', ['_a']),
            lambda: namedtuple('X', ['a', 'a']), lambda: Point._make([1]), lambda: p._replace(z=1),
            lambda: namedtuple('X', 'a', defaults=[1, 2]), lambda: P3()]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

class Point3(namedtuple('Point3', 'x y z')):
    __slots__ = ()
    def norm(self):
        return abs(self.x) + abs(self.y) + abs(self.z)
print(Point3(1, -2, 3).norm(), Point3(1, 2, 3))

c = Counter('abracadabra')
print(c, c.most_common(2), c['z'], c.total(), sorted(c.elements()))
c.update('aaz')
c.subtract({'b': 5})
print(c, +c, -c)
d = Counter(a=3, b=1)
e = Counter(a=1, b=2, c=4)
print(d + e, d - e, d | e, d & e, d == Counter(b=1, a=3), d <= d + e)
del d['zz']
print(Counter(), Counter({'x': 0}), Counter([1, 1, 2]).most_common())
c2 = Counter(a=2)
c2 += Counter(a=-5, b=1)
print(c2)

dd = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd['zz'], len(dd))
di = defaultdict(int)
for ch in 'hello':
    di[ch] += 1
print(di, defaultdict(None, a=1))
try:
    defaultdict(None)['x']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)
print(dd.copy(), type(dd.copy()).__name__)

od = OrderedDict()
od['a'] = 1
od['b'] = 2
od['c'] = 3
od.move_to_end('a')
print(list(od), od.popitem(), od.popitem(last=False), list(od))
od2 = OrderedDict(x=1, y=2)
od3 = OrderedDict(y=2, x=1)
print(od2 == od3, od2 == dict(y=2, x=1), list(od2.items()))
od2.move_to_end('y', last=False)
print(list(od2.keys()), OrderedDict.fromkeys('ab', 0) == {'a': 0, 'b': 0})
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)

cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.get('z', 0), 'b' in cm)
cm['c'] = 4
print(cm, cm.maps[0], cm.new_child({'a': 0})['a'], cm.parents)
try:
    del cm['b']
except KeyError as e:
    print('KeyError', e)

print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance({}, cabc.MutableMapping),
      isinstance((), cabc.MutableSequence), isinstance(set(), cabc.Set), isinstance(iter([]), cabc.Iterator),
      isinstance(5, cabc.Hashable), isinstance([], cabc.Hashable), isinstance(len, cabc.Callable),
      isinstance(deque(), cabc.MutableSequence), isinstance('s', cabc.Iterable), issubclass(dict, cabc.Sized))

class MyMap(cabc.Mapping):
    def __init__(self, d):
        self.d = d
    def __getitem__(self, k):
        return self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)

m = MyMap({'a': 1, 'b': 2})
print(m.get('a'), m.get('q', 9), 'a' in m, list(m.keys()), list(m.items()), list(m.values()), m == {'a': 1, 'b': 2})
try:
    cabc.Mapping()
except TypeError as e:
    print('TypeError', 'abstract' in str(e))

ud = UserDict(a=1)
ud['b'] = 2
print(ud, len(ud), 'a' in ud, ud.get('c', 3))
ul = UserList([3, 1, 2])
ul.sort()
ul.append(4)
print(ul, ul[1:], len(ul), ul + [5])
