# range and slice objects.
r = range(0, 10, 3)
print(r, range(5), list(r), len(r), r[1], r[-1], r[::-1], r[1:3], r.start, r.stop, r.step)
print(list(range(10, 0, -3)), list(reversed(range(10, 0, -3))), list(range(5, 5)), range(0) == range(2, 2))
print(3 in r, 4 in r, 3.0 in r, r.index(6), r.count(9), range(1, 10, 2) == range(1, 11, 2))
try:
    r.index(4)
except ValueError as e:
    print("ValueError:", e)
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
for bad in ((), (1, 2, 3, 4), (1, 2, 0), (1.5,)):
    try:
        range(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
big = range(2 ** 64, 2 ** 64 + 10, 3)
print(big, len(big), big[-1], 2 ** 64 + 3 in big, list(big))
try:
    len(range(2 ** 64))
except OverflowError as e:
    print("OverflowError:", e)
print(sum(range(1000001)), hash(range(1, 10, 2)))
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-100, 100, 3).indices(7))
print("abcdefgh"[s], [0, 1, 2, 3, 4][slice(None, None, -2)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3))
try:
    slice(1, 2, 0).indices(3)
except ValueError as e:
    print("ValueError:", e)
total = 0
for i in range(100000):
    total += i
print(total)
