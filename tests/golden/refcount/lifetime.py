# Objects die when their count reaches zero: __del__ runs at once, in CPython's order.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

x = Noisy("x")
print("rebinding x")
x = None
print("after rebinding")

def scope():
    local = Noisy("local")
    print("leaving scope")
scope()
print("after scope")

items = [Noisy("a"), Noisy("b")]
items.pop(0)
print("popped")
del items
print("deleted list")

def gen():
    obj = Noisy("in generator")
    yield 1
    yield 2
g = gen()
next(g)
print("dropping generator")
del g
print("end")
