# enumerate, zip, map, filter, reversed, iter(callable, sentinel), unpacking.
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(3), range(3), range(3))))
for args in (([1], [1, 2]), ([1, 2], [1]), ([1, 2], [1, 2], [1])):
    try:
        list(zip(*args, strict=True))
    except ValueError as e:
        print("ValueError:", e)
print(list(zip([1, 2], [3, 4], strict=True)))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, "", "x", None, []])), list(filter(lambda x: x % 2, range(10))))
print(list(reversed((1, 2, 3))), list(reversed("abc")), list(reversed(range(3))))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), list(Seq()))
for bad in (1, {1, 2}):
    try:
        reversed(bad)
    except TypeError as e:
        print("TypeError:", e)
src = [1, 2, 0, 4]
print(list(iter(src.pop, 2)))
counter = iter(range(10))
print(list(iter(lambda: next(counter), 5)))
a, b, c = "xyz"
first, *middle, last = range(6)
print(a, b, c, first, middle, last)
(p, q), r = (1, 2), 3
print(p, q, r)
for bad in (lambda: iter([1, 2, 3]), lambda: iter([1])):
    try:
        x, y = bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    x, y = 5
except TypeError as e:
    print("TypeError:", e)
try:
    x, *y, z = [1]
except ValueError as e:
    print("ValueError:", e)
e = enumerate("ab")
print(iter(e) is e, next(e), next(e))
try:
    next(e)
except StopIteration:
    print("StopIteration")
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(str, [])).__name__,
      type(filter(None, [])).__name__, type(reversed([])).__name__, type(iter([])).__name__,
      type(iter(())).__name__, type(iter({})).__name__, type(iter(set())).__name__, type(iter(range(1))).__name__)
