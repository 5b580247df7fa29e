def f(x):
    match x:
        case 1 | 2: return 'small'
        case [a, b]: return ('pair', a, b)
        case [first, *_, last]: return ('ends', first, last)
        case {'k': v, **kw}: return ('map', v, kw)
        case str() as s: return ('str', s)
        case (1, p) | (p, 2): return ('alt', p)
        case _: return 'other'
for v in [1, [3, 4], [1, 2, 3, 4], {'k': 9, 'z': 0}, 'hi', (1, 7), (8, 2), 3.5]:
    print(f(v))
