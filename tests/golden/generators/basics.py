# Generators: iteration, send, return values, close, throw, states.
def gen(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("got", got)
    return "done"

g = gen(3)
print(next(g), g.send("hello"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(list(gen(4)), sum(gen(5)))

def echo():
    try:
        while True:
            x = yield
            print("echo", x)
    finally:
        print("cleanup")

e = echo()
next(e)
e.send(1)
e.send(2)
e.close()
print("closed")

def catcher():
    while True:
        try:
            yield
        except ValueError as err:
            print("caught", err)

c = catcher()
next(c)
c.throw(ValueError("first"))
c.throw(ValueError, "second")
try:
    c.throw(KeyError("k"))
except KeyError as err:
    print("propagated", repr(err))

def states():
    yield 1
s = states()
print(s.gi_running, s.gi_frame is not None, s.gi_code.co_name, s.__name__)
next(s)
print(s.gi_suspended if hasattr(s, "gi_suspended") else True)
list(s)
print(s.gi_frame)
try:
    gen(1).send(5)
except TypeError as err:
    print(err)
