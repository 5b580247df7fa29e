# Coroutines driven by hand: await chains, custom awaitables, return values.
class Tick:
    """An awaitable that suspends once, handing a value to the driver."""
    def __init__(self, label):
        self.label = label
    def __await__(self):
        reply = yield self.label
        return f"{self.label}->{reply}"

async def leaf(n):
    r = await Tick(f"leaf{n}")
    return r

async def branch():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]

def run(coro):
    value = None
    step = 0
    while True:
        try:
            yielded = coro.send(value)
        except StopIteration as stop:
            return stop.value
        step += 1
        print("driver got", yielded)
        value = f"r{step}"

print(run(branch()))
c = branch()
print(type(c).__name__, c.cr_running, c.cr_await, c.cr_code.co_name)
c.send(None)
print(type(c.cr_await).__name__)
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print(e)

async def raises():
    await Tick("t")
    raise ValueError("inside coroutine")
r = raises()
r.send(None)
try:
    r.throw(KeyError("thrown"))
except KeyError as e:
    print("thrown out:", repr(e))

w = leaf(9).__await__()
print(type(w).__name__, next(w))
try:
    w.send("x")
except StopIteration as s:
    print("wrapper result", s.value)
try:
    iter(branch())
except TypeError as e:
    print(e)
