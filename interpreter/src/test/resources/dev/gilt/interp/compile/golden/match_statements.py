def f(x):
    match x:
        case 1 | 2:
            return 'small'
        case -1:
            return 'neg'
        case None:
            pass
        case [a, b]:
            return a + b
        case [first, *_, last]:
            return first, last
        case [h, *rest]:
            return rest
        case {'k': v, **kw}:
            return v, kw
        case {1: _, 'b': c}:
            return c
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case Point(px, py):
            return px
        case str() as s:
            return s
        case (1, p) | (p, 2):
            return p
        case Color.RED:
            return 'red'
        case [*_]:
            return 'seq'
        case {}:
            return 'map'
        case _:
            return 'other'

def g(cmd):
    match cmd.split():
        case [action]:
            pass
        case [action, obj]:
            pass
        case ['go', ('north' | 'south') as d] | ['move', d]:
            pass
        case x:
            print(x)

def h(v):
    match v:
        case _:
            return 1

def k(v):
    match v:
        case {'a': 1, 'b': [x, y]} | {'a': 2, 'b': [y, x]}:
            return x, y
        case True:
            return 0
