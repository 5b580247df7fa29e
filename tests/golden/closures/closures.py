# Closures: cells, nonlocal, late binding, closures in loops.
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c1, c2 = counter(), counter()
print(c1(), c1(), c1(10), c2())
print(c1.__closure__[0].cell_contents)

fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()()

print(outer())

def make_adders():
    return [(lambda n: lambda x: x + n)(k) for k in range(3)]

print([a(10) for a in make_adders()])

def unbound():
    def g():
        return v
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    return g()

print(unbound())
x = "global"
def reads_global():
    return x
def shadows():
    x = "local"
    return reads_global(), x
print(shadows())
def writes_global():
    global x
    x = "changed"
writes_global()
print(x)
