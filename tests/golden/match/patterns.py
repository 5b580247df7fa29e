class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def describe(v):
    match v:
        case 0 | 1:
            return "small"
        case [x, y, *rest]:
            return f"seq {x} {y} {rest}"
        case {"k": val, **others}:
            return f"map {val} {others}"
        case Point(0, y=yy):
            return f"on y axis at {yy}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case int(n) if n > 100:
            return f"big {n}"
        case str() as s:
            return "str " + s
        case None:
            return "none"
        case _:
            return "other"

for v in [0, 1, [1, 2, 3, 4], (5, 6), {"k": 1, "z": 2}, Point(0, 5), Point(3, 3), Point(1, 2), 500, "hi", None, 3.5]:
    print(describe(v))
