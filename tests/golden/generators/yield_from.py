# yield from: delegation, return values, throw/close forwarding.
def inner():
    try:
        x = yield 1
        print("inner got", x)
        y = yield 2
        print("inner got", y)
    except KeyError:
        print("inner caught KeyError")
        yield "recovered"
    finally:
        print("inner finally")
    return "inner result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield "after"

o = outer()
print(next(o))
print(o.send("a"))
print(o.send("b"))
try:
    next(o)
except StopIteration:
    print("exhausted")

o = outer()
next(o)
print(o.throw(KeyError))
print(next(o))

o = outer()
next(o)
o.close()
print("closed outer")

def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(3))))

def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5]])))
