from __future__ import annotations
x = 1
def f(a: 'x', b: List[int] | None = None, *c: tuple[int, ...], d: Callable[[int], str] = 1, **e: dict[str, "A"]) -> -1:
    v: Foo[int] = 3
    return v
class C:
    x: ClassVar[int] = 1
    y: a.b.c
    z: (lambda q: q ** -2 + 3 * (4 - 5))(1)
    w: f"{x!r:>10}"
    u: [i for i in range(3) if i]
    t: {1: 2, **k} | {3}
    s: not a < b <= c and d or e if f else g
    r: x[1:2, ::3]
    p: await_ + yield_
    o: 1e400 + 1.5j + 'str\n' + b'b'
print(f.__annotations__)
print(C.__annotations__)
