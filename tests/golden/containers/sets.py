# set/frozenset: iteration order of int sets, operations, methods, errors, hashing.
print({3, 1, 2}, {10, 100, 1000}, set([-1, -2, 5, 33, 17, 8, 1024, 99, 7]), set(), frozenset())
s = set(range(20, 0, -3))
print(s)
s.add(100)
s.discard(20)
s.discard(12345)
print(s, len(s), 5 in s, 6 in s)
try:
    s.remove(12345)
except KeyError as e:
    print("KeyError:", e)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9], (10,)), a.intersection(range(3)), a.difference({1}, [2]), a.symmetric_difference([4, 6]))
print(a <= b, {3} < b, b >= {5}, a == {4, 3, 2, 1}, a != b, a.issubset(range(10)), a.isdisjoint([7]))
c = set(a)
c |= b
c &= {1, 2, 3, 5, 8}
c -= {2}
c ^= {8, 9}
print(c)
c.update([40, 50], [60])
c.intersection_update(range(45), range(100))
c.difference_update([1])
c.symmetric_difference_update({3, 99})
print(c)
p = set(range(10))
print([p.pop() for _ in range(3)], p)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
try:
    {[]}
except TypeError as e:
    print("TypeError:", e)
f = frozenset([3, 1, 2])
print(f, f | {9}, {9} | f, hash(frozenset()), hash(frozenset({1, 2, 3})), hash(f) == hash(frozenset({1, 2, 3})))
nested = {frozenset({1, 2}), frozenset()}
print(frozenset({1, 2}) in nested, {2, 1} in nested)
letters = set("abracadabra")
print(sorted(letters), len(letters))
print({x % 7 for x in range(30)}, set(range(0, 200, 16)), set(range(-50, 50, 11)))
big = set(range(1000))
big -= set(range(3, 1000))
print(big)
try:
    for x in a:
        a.add(x + 100)
except RuntimeError as e:
    print("RuntimeError:", e)
