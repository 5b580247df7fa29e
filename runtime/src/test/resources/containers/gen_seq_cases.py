# Generates seq_cases.txt: random operation sequences on a list and on a dict, with the state
# python3 reaches after each sequence. Run: python3 gen_seq_cases.py > seq_cases.txt
# Line format: kind TAB ops TAB expected, ops separated by ';', each "name:arg,arg".
import random

rnd = random.Random(2024)

def idx():
    return rnd.choice([None, rnd.randrange(-12, 12)])

def fmt(v):
    return "_" if v is None else str(v)

lines = []
for case in range(400):
    l = [rnd.randrange(10) for _ in range(rnd.randrange(8))]
    ops = ["init:" + ",".join(map(str, l))]
    for step in range(rnd.randrange(1, 12)):
        op = rnd.choice(["append", "insert", "pop", "setslice", "delslice", "extend", "remove", "reverse",
                         "imul", "setitem", "sort"])
        try:
            if op == "append":
                v = rnd.randrange(10); l.append(v); ops.append("append:%d" % v)
            elif op == "insert":
                i, v = rnd.randrange(-12, 12), rnd.randrange(10); l.insert(i, v); ops.append("insert:%d,%d" % (i, v))
            elif op == "pop":
                i = rnd.randrange(-3, 3) if l else 0
                if l and -len(l) <= i < len(l):
                    l.pop(i); ops.append("pop:%d" % i)
            elif op == "setslice":
                a, b, c = idx(), idx(), rnd.choice([None, None, 1, 2, -1, -2, 3])
                vals = [rnd.randrange(100, 110) for _ in range(rnd.randrange(4))]
                if c not in (None, 1):
                    vals = [rnd.randrange(100, 110) for _ in range(len(range(*slice(a, b, c).indices(len(l)))))]
                l[a:b:c] = vals
                ops.append("setslice:%s,%s,%s,%s" % (fmt(a), fmt(b), fmt(c), "/".join(map(str, vals))))
            elif op == "delslice":
                a, b, c = idx(), idx(), rnd.choice([None, 1, 2, -1, -3])
                del l[a:b:c]; ops.append("delslice:%s,%s,%s" % (fmt(a), fmt(b), fmt(c)))
            elif op == "extend":
                vals = [rnd.randrange(10) for _ in range(rnd.randrange(3))]
                l.extend(vals); ops.append("extend:" + "/".join(map(str, vals)))
            elif op == "remove":
                v = rnd.randrange(10)
                if v in l:
                    l.remove(v); ops.append("remove:%d" % v)
            elif op == "reverse":
                l.reverse(); ops.append("reverse:")
            elif op == "imul":
                n = rnd.randrange(-1, 3); l *= n; ops.append("imul:%d" % n)
            elif op == "setitem":
                if l:
                    i = rnd.randrange(-len(l), len(l)); l[i] = 50; ops.append("setitem:%d" % i)
            elif op == "sort":
                rev = rnd.random() < 0.5; l.sort(reverse=rev); ops.append("sort:%d" % rev)
        except ValueError:
            pass
    lines.append("list\t" + ";".join(ops) + "\t" + repr(l))

for case in range(300):
    d = {}
    ops = []
    for step in range(rnd.randrange(1, 40)):
        op = rnd.choice(["set", "set", "set", "del", "pop", "popitem", "setdefault", "update", "clear"])
        k = rnd.randrange(20)
        if op == "set":
            v = rnd.randrange(100); d[k] = v; ops.append("set:%d,%d" % (k, v))
        elif op == "del" and k in d:
            del d[k]; ops.append("del:%d" % k)
        elif op == "pop":
            d.pop(k, None); ops.append("pop:%d" % k)
        elif op == "popitem" and d:
            d.popitem(); ops.append("popitem:")
        elif op == "setdefault":
            d.setdefault(k, -1); ops.append("setdefault:%d" % k)
        elif op == "update":
            ks = [rnd.randrange(30) for _ in range(3)]
            d.update({x: x * 2 for x in ks}); ops.append("update:" + "/".join(map(str, ks)))
        elif op == "clear" and rnd.random() < 0.2:
            d.clear(); ops.append("clear:")
    lines.append("dict\t" + ";".join(ops) + "\t" + repr(d))
print("\n".join(lines))
