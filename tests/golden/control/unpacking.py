# Unpacking: sequences, starred targets, nested, swaps, errors.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = "hello"
*init, last = [1, 2, 3]
x, (y, z), *_ = 1, (2, 3), 4, 5
print(first, rest, init, last, x, y, z)
head, *mid, tail = range(2)
print(head, mid, tail)
d = {"k1": 1, "k2": 2}
k1, k2 = d
print(k1, k2)
print(*[1, 2], *"ab", sep="-")
merged = {**d, "k3": 3, **{"k1": 10}}
print(merged, [*range(3), *"xy"], (*"ab",))
for msg_case in [lambda: (lambda p, q: 0)(*[1, 2, 3])]:
    try:
        msg_case()
    except TypeError as e:
        print(e)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    p, q, r = (1,)
except ValueError as e:
    print(e)
try:
    p, *q, r = [1]
except ValueError as e:
    print(e)
try:
    p, q = 5
except TypeError as e:
    print(e)
