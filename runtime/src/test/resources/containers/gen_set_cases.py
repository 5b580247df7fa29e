# Generates set_cases.txt: set operations on int sets and the iteration order python3 gives.
# Run: python3 gen_set_cases.py > set_cases.txt
import random

rnd = random.Random(12345)

def rand_list():
    kind = rnd.randrange(6)
    n = rnd.choice([0, 1, 2, 3, 5, 8, 13, 20, 40, 100, 300])
    if kind == 0:
        return [rnd.randrange(0, 30) for _ in range(n)]
    if kind == 1:
        return [rnd.randrange(-1000, 1000) for _ in range(n)]
    if kind == 2:
        return [rnd.randrange(0, 64) * 8 for _ in range(n)]
    if kind == 3:
        return [rnd.randrange(0, 40) * 32 + rnd.randrange(3) for _ in range(n)]
    if kind == 4:
        return [rnd.choice([1, 2, 3, 2**40, 2**61 - 1, 2**61, -2**61, 2**63, 2**64 + 5, -1, -2]) + rnd.randrange(4)
                for _ in range(n)]
    return [rnd.randrange(0, 10**12) for _ in range(n)]

def fmt(xs):
    return ",".join(str(x) for x in xs)

out = []
for case in range(700):
    op = rnd.choice(["set", "or", "and", "sub", "xor", "ior", "iand", "isub", "ixor", "union", "inter",
                     "diff", "symdiff", "churn", "pop", "fhash", "copy", "frozen"])
    a, b = rand_list(), rand_list()
    if op == "set":
        r = set(a)
    elif op == "frozen":
        r = frozenset(a)
    elif op == "copy":
        s = set(a)
        for x in b[: len(b) // 2]:
            s.discard(x)
        r = s.copy()
    elif op == "or":
        r = set(a) | set(b)
    elif op == "and":
        r = set(a) & set(b)
    elif op == "sub":
        r = set(a) - set(b)
    elif op == "xor":
        r = set(a) ^ set(b)
    elif op == "ior":
        r = set(a); r |= set(b)
    elif op == "iand":
        r = set(a); r &= set(b)
    elif op == "isub":
        r = set(a); r -= set(b)
    elif op == "ixor":
        r = set(a); r ^= set(b)
    elif op == "union":
        r = set(a).union(b)
    elif op == "inter":
        r = set(a).intersection(b)
    elif op == "diff":
        r = set(a).difference(b)
    elif op == "symdiff":
        r = set(a).symmetric_difference(b)
    elif op == "churn":
        r = set(a)
        for x in b:
            r.discard(x)
        for x in b[: len(b) // 2]:
            r.add(x + 1)
    elif op == "pop":
        s = set(a)
        popped = [s.pop() for _ in range(min(len(s), len(b)))]
        r = popped + ["|"] + list(s)
    elif op == "fhash":
        r = [hash(frozenset(a))]
    out.append("\t".join([op, fmt(a), fmt(b), fmt(r)]))
print("\n".join(out))
