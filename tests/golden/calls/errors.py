# Argument errors and their exact messages.
def report(fn, *a, **k):
    try:
        fn(*a, **k)
    except TypeError as e:
        print(e)

def f(a, b): pass
def g(a, b=1, *, k): pass
def h(a, /, b): pass
def z(): pass
def many(a, b, c): pass
class A:
    def m(self, x): pass

report(f)
report(f, 1)
report(f, 1, 2, 3)
report(f, 1, a=2)
report(f, 1, 2, c=3)
report(g, 1, 2, 3)
report(g, 1, 2, 3, k=4)
report(g, 1)
report(h, a=1, b=2)
report(z, 1)
report(z, 1, 2)
report(many)
report(A().m)
report(A().m, 1, 2)
report(A.m, A())
report(lambda: 0, 1)
