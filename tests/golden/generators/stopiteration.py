# PEP 479: StopIteration inside a generator becomes RuntimeError.
def bad():
    yield 1
    raise StopIteration("oops")

try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)

def uses_next():
    it = iter([])
    yield next(it)

try:
    next(uses_next())
except RuntimeError as e:
    print(e)

def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2

g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)

def running():
    yield g2.send(None)
g2 = running()
try:
    next(g2)
except ValueError as e:
    print(e)
