# dict: methods, views, update forms, ordering, errors, merge operators.
d = {"b": 1, "a": 2}
d["c"] = 3
del d["b"]
d["b"] = 4
print(d, len(d), "a" in d, "z" in d)
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("n", []), d)
print(d.pop("n"), d.pop("n", "dflt"))
try:
    d.pop("n")
except KeyError as e:
    print("KeyError:", e)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
print(d.popitem(), d)
e = {}
try:
    e.popitem()
except KeyError as ex:
    print("KeyError:", ex)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
k = d.keys()
d["z"] = 26
print(k, len(k), "z" in k, ("z", 26) in d.items(), ("z", 0) in d.items())
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(d.keys() & {"a", "q"}, d.keys() - {"a"}, sorted(d.keys() | {"q"}), sorted(d.keys() ^ {"a", "q"}))
print(d.keys() == {"a", "c", "z"}, d.keys() < {"a", "c", "z", "q"}, d.keys().isdisjoint(["x"]))

u = {}
u.update({"x": 1})
u.update([("y", 2), ["z", 3]])
u.update(w=4)
u.update({"x": 10}, v=5)
print(u)
for bad in ([(1, 2, 3)], [1], 5):
    try:
        u.update(bad)
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__ + ":", ex)
print(dict(a=1, b=2), dict({1: 2}, a=1), dict([("a", 1)], a=2), dict(zip("abc", range(3))))
try:
    dict(1, 2)
except TypeError as ex:
    print("TypeError:", ex)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
print({"a": 1} | {"b": 2}, {"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {} != {"a": 1})
m = {"a": 1}
m |= [("b", 2)]
print(m, m.copy(), m.copy() is m)
r = {}
r["self"] = r
print(r)
print({1: "int", True: "bool", 1.0: "float"})
try:
    {}[[]]
except TypeError as ex:
    print("TypeError:", ex)
try:
    for key in m:
        m["new"] = 1
except RuntimeError as ex:
    print("RuntimeError:", ex)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, {k: v for k, v in sorted(counts.items()) if v > 1})
mp = {"a": 1}.keys().mapping
print(mp, mp["a"], type(mp).__name__)
