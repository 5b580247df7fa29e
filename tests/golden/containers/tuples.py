# tuple: repr, hash, indexing, slicing, operators, methods, constructor.
t = (1, 2, 3, 2)
print(t, (1,), (), ((1, 2), [3]))
print(t[1], t[-1], t[1:3], t[::-1], t[::2], len(t))
print(t.count(2), t.index(2), t.index(2, 2))
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
print(t + (5,), t * 2, 2 * (0,), () * 5, (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (1,) == (1,))
print(hash((1, 2)) == hash((1, 2)), hash(()), hash((1, 2)), hash((True, 2.5, -1)))
try:
    hash((1, []))
except TypeError as e:
    print("TypeError:", e)
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError:", e)
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple())
x = (1, 2)
print(tuple(x) is x, x[:] is x)
l = []
u = (l,)
l.append(u)
print(u)
a, b = t[:2]
print(a, b, 2 in t, 7 in t)
d = {(1, 2): "pair"}
print(d[(1, 2)])
