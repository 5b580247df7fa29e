a is not b
a not in b
x = (1, 2.5, 'a\'b', b'\x00z\n', 1j, (1+2j), 1e16, -0.0, None, ..., ('x',), (), "q\"'\n\t\x01é\u2028")
f(*a, **k)
async def g():
    async with a: pass
    await x
