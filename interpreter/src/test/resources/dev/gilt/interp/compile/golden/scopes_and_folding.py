def f(x):
    class C:
        y = x
        def m(self): return x
    global G
    G = 1
    del G
    def inner():
        global H
        H = 2
        class D: pass
        return D
    return C

class Outer:
    def meth(self):
        def helper():
            return __class__
        return helper
    class Inner:
        def g(self): pass

def big(a):
    f(a, k1=1, k2=2, k3=3, k4=4, k5=5, k6=6, k7=7, k8=8, k9=9, k10=10, k11=11, k12=12, k13=13, k14=14, k15=15, k16=16)
    d = {'a0': 0, 'a1': 1, 'a2': 2, 'a3': 3, 'a4': 4, 'a5': 5, 'a6': 6, 'a7': 7, 'a8': 8, 'a9': 9, 'b0': 0, 'b1': 1, 'b2': 2, 'b3': 3, 'b4': 4, 'b5': 5, 'b6': 6, 'b7': 7}
    l = [a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a]
    s = f"{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}{a}"
    del a.b, a[0], a[1:2], (a, b), [c]
    a, b = b, a
    a, b, c = c, b, a
    x = 1, 2, a
    y = [1, 2, 3]
    z = {1, 2, 3}
    return a is None, a is not None, a in [1, 2], not a in b, a < b, a != b

def ann(a: int, *b: str, c: 'x' = 1, **d: float) -> None:
    x: int = 1
    y: str

@decorator
def decorated(): pass

def kwdefaults(*, a=1, b, c=f()): pass

def defaults(a, b=1, c=[]): pass

def cond(x):
    if x is None:
        return 1
    elif x and y:
        return 2
    elif not x:
        pass
    else:
        return 3
    while not x:
        x += 1
    return 4 if x else 5
