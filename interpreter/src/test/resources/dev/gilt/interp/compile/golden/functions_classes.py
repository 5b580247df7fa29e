def f(a, /, b, c=1, *args, d, e=2, **kw) -> int:
    nonlocal_ = 1
    def g():
        nonlocal nonlocal_
        nonlocal_ += 1
        return a
    return g

async def co(x):
    async with x as y, z:
        await y
    async for i in x:
        print(i)
    else:
        pass
    return [i async for i in x]

def gen():
    x = yield 1
    yield from range(3)
    return x

async def agen():
    yield 1

@dec
@dec2(1)
class K(Base, metaclass=M, **kw):
    """K doc"""
    a: int = 1
    def m(self):
        return super().m() + __class__
    @staticmethod
    def s(): pass
    __priv = 1
    def p(self):
        return self.__priv

lam = lambda x, *y, z=1: (x, y, z)
comp = [x * y for x in range(3) if x for y in range(x)]
scomp = {x for x in a}
dcomp = {k: v for k, v in d.items()}
gexp = (x for x in a if x > 1)
def outer():
    v = 1
    return [lambda: v + i for i in range(3)]
