# Builtin functions, with CPython's error messages.
# The expected output is CPython 3.12's: sum([0.1] * 10) is 1.0 there (3.11 prints 0.9999999999999999),
# so regen must not rewrite it with an older python3:
# golden: no
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(len("abc"), len([1, 2]), abs(-3), abs(-2.5), all([1, 1]), all([]), any([0, 0]), any([0, 3]))
print(bin(10), oct(64), hex(255), hex(-255), bin(0), chr(97), chr(0x1F600) == "\U0001F600", ord("z"), ord("é"))
print(divmod(17, 5), divmod(-7, 2), divmod(7.5, 2), pow(2, 10), pow(2, -1), pow(3, 4, 5), round(2.675, 2), round(7))
print(max(4, 9, 1), min("hello"), max([3, 1], key=lambda x: -x), min([], default="empty"), max((1, "a"), (1, "b")))
print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([1, 1e100, 1, -1e100]))
print(sorted([3, 1, 2]), sorted("bca", reverse=True), sorted([-3, 1, 2], key=abs), sorted({"b": 1, "a": 2}))
print(callable(len), callable(1), callable(type), isinstance(True, int), issubclass(bool, (str, int)))
print(repr("x"), ascii("café"), format(255, "x"), format(3.14159, ".2f"), format("s", ">3"))
print(hash(1) == hash(1.0), id(len) == id(len), type(id(1)).__name__)
print(getattr(1, "real"), getattr(1, "nope", "default"), hasattr("", "upper"), hasattr(1, "upper"))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
calls = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(calls), 0)))
print(list(reversed([1, 2, 3])), list(enumerate("ab", 1)), list(zip("ab", [1, 2])), list(map(abs, [-1, 2])))
print(list(filter(None, [0, 1, "", "x"])), list(range(2, 8, 3)))

show(lambda: len(5))
show(lambda: abs("a"))
show(lambda: chr(0x110000))
show(lambda: ord("ab"))
show(lambda: ord(1))
show(lambda: divmod("a", 1))
show(lambda: pow(2, 3, "x"))
show(lambda: round("x"))
show(lambda: min())
show(lambda: max(1, 2, default=0))
show(lambda: max(1, 2, foo=0))
show(lambda: sum(["a", "b"], ""))
show(lambda: sum())
show(lambda: getattr(1))
show(lambda: getattr(1, 2))
show(lambda: getattr(1, "nope"))
show(lambda: setattr(1, "x", 2))
show(lambda: next(iter([])))
show(lambda: next(5))
show(lambda: iter(5))
show(lambda: iter(5, 5))
show(lambda: isinstance(1, 1))
show(lambda: issubclass(1, int))
show(lambda: hash([]))
show(lambda: vars(1))
show(lambda: format(object(), "x"))
show(lambda: hex(1.5))
show(lambda: sorted())
show(lambda: print(1, sep=2))
show(lambda: print(1, foo=2))
show(lambda: exec(1))
show(lambda: eval("1 +"))

class WithDir:
    def __dir__(self):
        return ["b", "a"]
print(dir(WithDir()), "append" in dir([]), dir(WithDir)[:2])
class Obj:
    def __init__(self):
        self.z = 1
print(vars(Obj()), "z" in dir(Obj()))

print("a", "b", sep="-", end="!\n")
print()
print(*[1, 2, 3])
import sys
print("to stderr", file=sys.stderr)
g = {}
exec("x = 6 * 7", g)
print(g["x"], eval("x + 1", g), eval("y * 2", {"y": 5}), eval("  3"))
code = compile("a + b", "<expr>", "eval")
print(eval(code, {"a": 1, "b": 2}), type(code).__name__)
def scope():
    local_var = 5
    return sorted(locals())
print(scope(), "scope" in globals())
print(repr(exit), str(quit))
print(type(print).__name__, print, len)
