# list: methods, slicing, operators, comparisons, repr recursion.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

l = [3, 1, 2]
l.append(4)
l.insert(0, 0)
l.insert(-1, 99)
l.insert(100, 7)
print(l, len(l))
l.extend((5, 6))
l.extend(range(2))
l.extend(l[:2])
print(l)
print(l.pop(), l.pop(0), l)
l.remove(99)
print(l.index(2), l.index(1, 3), l.count(1), l.count(42))
show("remove missing:", lambda: l.remove(42))
show("index missing:", lambda: l.index(42))
show("pop empty:", lambda: [].pop())
show("pop range:", lambda: [1].pop(5))
show("getitem:", lambda: l[100])
show("getitem str:", lambda: l["a"])

a = list(range(10))
print(a[2:5], a[::-1], a[-2:0:-3], a[::3], a[5:2], a[-100:100])
a[1:3] = [10, 11, 12, 13]
print(a)
a[::2] = "abcdef"
print(a)
del a[::3]
print(a)
a[:] = a
a[1:1] = a
print(a)
del a[2:]
print(a)
show("extended assign:", lambda: a.__setitem__(slice(None, None, 2), [1, 2, 3]))
show("assign non-iterable:", lambda: a.__setitem__(slice(0, 1), 5))

b = [1, 2]
print(b + [3], b * 3, 2 * b, b * 0, b * -1)
b += (7, 8)
b *= 2
print(b)
show("concat tuple:", lambda: [1] + (1,))
show("mul float:", lambda: [1] * 2.5)
print([1, 2] < [1, 2, 0], [1, 3] > [1, 2, 5], [1] == [1], [] <= [], [1, 2] != [1, 2])
show("compare:", lambda: [1] < ["a"])

r = [1, 2]
r.append(r)
print(r, [r])
c = [5, 3, 9]
d = c.copy()
c.reverse()
print(c, d, c is d)
c.clear()
print(c, bool(c), bool(d))
print(list("abc"), list((1, 2)), list({"x": 1, "y": 2}), list())
show("unhashable:", lambda: hash([]))
print([x * x for x in range(5) if x % 2 == 0])
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
print(list(reversed([1, 2, 3])), 3 in [1, 2, 3], 4 not in [1, 2, 3])
