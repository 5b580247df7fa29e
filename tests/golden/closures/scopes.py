# Class scopes, comprehension scopes, unbound locals.
x = "module"
class C:
    x = "class"
    y = [x for _ in range(1)]
    def m(self):
        return x
print(C.y, C().m())

def f():
    print(x)
    x = 1
try:
    f()
except UnboundLocalError as e:
    print(e)

def g():
    y = 1
    del y
    try:
        print(y)
    except UnboundLocalError as e:
        print(e)
g()

def h():
    items = [i * j for i in range(3) for j in range(3) if i != j]
    return items, {k: k * k for k in range(3)}, {c for c in "aab"} == {"a", "b"}
print(h())
print([(lambda: n)() for n in range(3)])
try:
    print(undefined_name)
except NameError as e:
    print(e)
