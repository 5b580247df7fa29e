# Async generators and async for, driven without an event loop.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value

async def agen(n):
    try:
        for i in range(n):
            yield i * 10
    finally:
        print("agen cleanup")

async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out

print(run(consume()))

async def manual():
    g = agen(5)
    first = await g.__anext__()
    second = await g.asend(None)
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted after aclose")
    return first, second
print(run(manual()))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

async def count():
    return [x async for x in Countdown(4)]
print(run(count()))

async def thrower():
    try:
        yield 1
    except ValueError as e:
        yield f"caught {e}"
async def use_athrow():
    g = thrower()
    await g.__anext__()
    return await g.athrow(ValueError("boom"))
print(run(use_athrow()))
print(type(agen(1)).__name__)
