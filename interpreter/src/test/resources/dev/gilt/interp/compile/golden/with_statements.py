def f(a, b):
    with a:
        pass
    with a as (x, y), b as z:
        return x
    for i in b:
        with a:
            if i:
                continue
            break
    with a:
        raise ValueError

async def g(a):
    async with a as x:
        return x
