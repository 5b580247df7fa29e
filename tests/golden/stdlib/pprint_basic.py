import pprint, collections, types
from dataclasses import dataclass

d = {'b': [1, 2, 3] * 10, 'a': {'x': (1, 2), 'y': 'z' * 50}, 'c': {0, 1, 2}, 'd': list(range(30))}
pprint.pprint(d)
pprint.pprint(d, width=40, compact=True)
print(pprint.pformat([1, [2, [3, [4, [5]]]]], depth=2))
pprint.pprint({'z': 1, 'a': 2}, sort_dicts=False)
print(pprint.pformat('x' * 100))
print(pprint.saferepr([1, 2]), pprint.isreadable([1]), pprint.isrecursive([1]))
pprint.pprint((1,))
pprint.pprint(())
pprint.pprint(collections.Counter('aabbbc'))
pprint.pprint({'key': 'word ' * 30})
pprint.pprint([{'name': 'item%d' % i, 'tags': ['t1', 't2'], 'value': i * 1.5} for i in range(4)])
pprint.pprint(collections.deque(range(40)))
pprint.pprint(collections.defaultdict(list, {'a': list(range(25)), 'b': [1]}))
pprint.pprint(types.SimpleNamespace(alpha=list(range(20)), beta='b' * 70))

@dataclass
class Point:
    x: int
    y: list

pprint.pprint(Point(1, list(range(30))))
pprint.pp({'b': 1, 'a': 2})
pprint.pprint(frozenset(range(40)))
pprint.pprint({1: {2: {3: {4: 5}}}}, depth=2)
pprint.pprint(list(range(100)), indent=4, width=60)
