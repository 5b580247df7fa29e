# Deterministic pseudo-random container workout; output compared with CPython.
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

for trial in range(60):
    l = [rnd(50) for _ in range(rnd(30))]
    t = tuple(l)
    d = {}
    s = set()
    for step in range(40):
        op = rnd(16)
        x = rnd(60)
        if op == 0:
            l.append(x)
        elif op == 1 and l:
            l.pop(rnd(len(l)))
        elif op == 2:
            l.insert(rnd(40) - 20, x)
        elif op == 3:
            a, b, c = rnd(30) - 15, rnd(30) - 15, rnd(5) - 2
            if c == 0:
                c = None
            try:
                del l[a:b:c]
            except ValueError as e:
                print("err", e)
        elif op == 4:
            a, b = rnd(30) - 15, rnd(30) - 15
            l[a:b] = [x] * rnd(4)
        elif op == 5:
            d[x] = l[:3]
        elif op == 6:
            d.pop(x, None)
        elif op == 7 and d:
            d.popitem()
        elif op == 8:
            s.add(x)
        elif op == 9:
            s.discard(x)
        elif op == 10:
            s ^= set(l[:5])
        elif op == 11:
            s &= set(range(0, 60, rnd(5) + 1))
        elif op == 12:
            l.sort(key=lambda v: (v % 7, -v), reverse=rnd(2) == 1)
        elif op == 13:
            d.update({k: k * x for k in l[:4]})
        elif op == 14 and s:
            s.pop()
        elif op == 15:
            s |= {x, x + 1, x * 3}
    print(trial, l, sorted(d.items())[:6], len(d), list(d)[:5], s, t[::3], l[::-4], sorted(s, reverse=True)[:5])
    print(" ", [k for k in d if k in s], {k: v for k, v in d.items() if k % 3 == 0}, set(l) - s, frozenset(l) & s)
    print(" ", list(zip(l, t)), list(enumerate(s))[:4], list(reversed(l))[:4], min(l, default=None), max(s, default=None))
