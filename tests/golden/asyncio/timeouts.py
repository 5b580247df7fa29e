# wait_for, asyncio.timeout / timeout_at and their edge cases.
import asyncio


async def slow(log, delay=10, value="slow"):
    try:
        await asyncio.sleep(delay)
        return value
    except asyncio.CancelledError:
        log.append("slow was cancelled")
        raise


async def main():
    log = []
    print(await asyncio.wait_for(slow(log, 0.001, "fast enough"), timeout=1))
    try:
        await asyncio.wait_for(slow(log), timeout=0.01)
    except asyncio.TimeoutError as e:
        print("wait_for timed out:", type(e).__name__, e.__class__ is TimeoutError, log)
    print(asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(slow(log, 0.001, "no timeout"), None))

    # timeout <= 0 with a finished future returns at once; with a pending one times out
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result("done already")
    print(await asyncio.wait_for(f, 0))
    log.clear()
    try:
        await asyncio.wait_for(slow(log), 0)
    except TimeoutError:
        print("zero timeout:", log)

    # asyncio.timeout
    log.clear()
    try:
        async with asyncio.timeout(0.01) as cm:
            print("repr while active starts with:", repr(cm)[:17])
            await slow(log)
    except TimeoutError:
        print("timeout block:", cm.expired(), log, repr(cm))
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0)
    print("no expiry:", cm.expired(), repr(cm))

    async with asyncio.timeout(None) as cm:
        print("when None:", cm.when())
        cm.reschedule(loop.time() + 5)
        print("rescheduled:", cm.when() is not None)
        cm.reschedule(None)
        await asyncio.sleep(0)
    print(repr(cm))

    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at fired")

    # a deadline in the past fires at the first await
    try:
        async with asyncio.timeout(-1):
            print("entered past deadline")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("past deadline fired")

    # nested: the inner one fires first and only it raises
    try:
        async with asyncio.timeout(1):
            try:
                async with asyncio.timeout(0.01):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout")
            await asyncio.sleep(0)
            print("outer still fine")
    except TimeoutError:
        print("outer timeout (wrong)")

    # state errors
    t = asyncio.timeout(1)
    try:
        t.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with t:
        pass
    try:
        t.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with t:
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)

    # an outside cancel during a timeout block stays a CancelledError
    async def victim():
        async with asyncio.timeout(10):
            await asyncio.sleep(10)

    v = asyncio.create_task(victim())
    await asyncio.sleep(0)
    v.cancel()
    try:
        await v
    except asyncio.CancelledError:
        print("outside cancel stays CancelledError")

    # wait_for cancelled from outside cancels its inner task
    log.clear()
    w = asyncio.create_task(asyncio.wait_for(slow(log), 5))
    await asyncio.sleep(0.001)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("wait_for cancelled:", log)


asyncio.run(main())
