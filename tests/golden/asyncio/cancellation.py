# Cancellation: messages, catching, uncancel/cancelling, shield, cancelling done tasks.
import asyncio


async def sleeper(log, name="sleeper"):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log.append(f"{name} cancelled {e.args}")
        raise
    finally:
        log.append(f"{name} finally")


async def stubborn(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("stubborn ignores the cancel")
    await asyncio.sleep(0)
    return "survived"


async def main():
    log = []
    t = asyncio.create_task(sleeper(log))
    await asyncio.sleep(0)
    print(t.cancel("stop it"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting gives CancelledError", e.args)
    print(t.cancelled(), t.done(), log)
    print(t.cancel(), "(cancel after done)")
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() raises CancelledError", e.args)
    try:
        t.exception()
    except asyncio.CancelledError:
        print("exception() raises CancelledError")

    # cancelled before it ever ran: the coroutine never starts
    log = []
    t = asyncio.create_task(sleeper(log))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    print("never started:", log, t.cancelled())

    # a task may refuse
    log = []
    t = asyncio.create_task(stubborn(log))
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled(), log, t.cancelling(), t.uncancel(), t.cancelling())

    # CancelledError is a BaseException
    print(issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))

    # cancelling the outer task cancels the awaited inner task
    log = []
    inner = asyncio.create_task(sleeper(log, "inner"))

    async def outer():
        await inner

    o = asyncio.create_task(outer())
    await asyncio.sleep(0)
    o.cancel("outer msg")
    try:
        await o
    except asyncio.CancelledError as e:
        print("outer cancelled", e.args)
    print(inner.cancelled(), log)

    # shield: the outer wait is cancelled, the inner task goes on
    log = []

    async def precious():
        await asyncio.sleep(0.01)
        log.append("precious done")
        return "kept"

    p = asyncio.create_task(precious())

    async def waiter():
        return await asyncio.shield(p)

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled, shielded task:", p.cancelled())
    print(await p, log)

    # a plain future
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f.cancel("future msg"), f.cancelled(), f.done())
    try:
        await f
    except asyncio.CancelledError as e:
        print("future cancelled", e.args)

    # cancel while awaiting a future: the future is cancelled too
    f = loop.create_future()

    async def wait_f():
        return await f

    t = asyncio.create_task(wait_f())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("awaited future cancelled:", f.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())

    # gather children cancelled through the gather future
    log = []
    g = asyncio.gather(sleeper(log, "g1"), sleeper(log, "g2"))
    await asyncio.sleep(0)
    print(g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", sorted(log))


asyncio.run(main())
