# coroutines driven by hand, async for / with, async comprehensions, async generators

class Awaitable:
    def __init__(self, v): self.v = v
    def __await__(self):
        x = yield ('suspend', self.v)
        return x
class AIter:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n: raise StopAsyncIteration
        self.i += 1
        return await Awaitable(self.i)
class ACM:
    async def __aenter__(self):
        print('aenter'); return 'res'
    async def __aexit__(self, *a):
        print('aexit', a[0]); return False
async def agen(n):
    for i in range(n):
        yield i * 10
async def main():
    r = await Awaitable('first')
    print('awaited', r)
    async with ACM() as x:
        print('inside', x)
    total = []
    async for v in AIter(3):
        total.append(v)
    print('total', total)
    print([v async for v in agen(3)])
    print([v async for v in AIter(2) if v[1] > 1])
    try:
        async with ACM():
            raise KeyError('k')
    except KeyError as e:
        print('caught', e)
    return 'main done'
def run(coro):
    send = None
    while True:
        try:
            y = coro.send(send)
        except StopIteration as e:
            return e.value
        send = ('resumed', y[1])
print(run(main()))
