# gather (return_exceptions, errors, duplicates), wait, as_completed.
import asyncio


async def value(v, delay=0.0):
    await asyncio.sleep(delay)
    return v


async def fail(msg, delay=0.0):
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def main():
    print(await asyncio.gather())
    print(await asyncio.gather(value(1, 0.02), value(2), value(3, 0.01)))
    print(await asyncio.gather(value(1), fail("boom"), value(3), return_exceptions=True))
    try:
        await asyncio.gather(value(1, 0.01), fail("first"), fail("second", 0.005))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(0.02)

    t = asyncio.create_task(value("dup"))
    print(await asyncio.gather(t, t, value("x")))

    # a cancelled child shows up as CancelledError with return_exceptions
    async def cancel_me():
        await asyncio.sleep(10)

    c = asyncio.create_task(cancel_me())
    g = asyncio.gather(c, value(5), return_exceptions=True)
    await asyncio.sleep(0)
    c.cancel()
    res = await g
    print([type(r).__name__ for r in res], res[1])

    # wait
    t1 = asyncio.create_task(value("t1", 0.01))
    t2 = asyncio.create_task(value("t2", 0.05))
    done, pending = await asyncio.wait({t1, t2}, return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED", sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait({t1, t2})
    print("ALL_COMPLETED", sorted(t.result() for t in done), len(pending))

    t3 = asyncio.create_task(fail("bad", 0.01))
    t4 = asyncio.create_task(value("t4", 0.05))
    done, pending = await asyncio.wait([t3, t4], return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION", [str(t.exception()) for t in done], len(pending))
    done, pending = await asyncio.wait([t4], timeout=0.001)
    print("timeout", len(done), len(pending))
    await t4

    for bad in ([], value(1)):
        try:
            await asyncio.wait(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
        if asyncio.iscoroutine(bad):
            bad.close()
    c = value(1)
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print("TypeError", e)
    c.close()
    try:
        await asyncio.wait([t4], return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError", e)

    # as_completed yields in finishing order
    order = []
    for coro in asyncio.as_completed([value("slow", 0.6), value("fast", 0.2),
                                      value("mid", 0.4)]):
        order.append(await coro)
    print("as_completed", order)
    got = []
    try:
        for coro in asyncio.as_completed([value("quick", 0.001), value("never", 5)],
                                         timeout=0.5):
            got.append(await coro)
    except TimeoutError:
        print("as_completed timeout after", got)


asyncio.run(main())
