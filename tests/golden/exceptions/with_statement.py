# Context managers: __enter__/__exit__, suppression, exceptions in __exit__, nesting.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val, tb is not None)
        return self.suppress

with CM("a") as x:
    print("body", x)

with CM("b", suppress=True):
    raise ValueError("swallowed")
print("after b")

try:
    with CM("c"):
        raise KeyError("kept")
except KeyError as e:
    print("caught", repr(e))

with CM("outer") as o, CM("inner") as i:
    print("both", o, i)

def early_return():
    with CM("ret"):
        return "returned"
print(early_return())

for n in range(3):
    with CM("loop%d" % n):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)

try:
    with 42:
        pass
except TypeError as e:
    print(e)
