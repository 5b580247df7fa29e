# Tasks, gather, sleep ordering, results and names.
import asyncio


async def worker(name, delay, log, start=None):
    log.append(f"{name} start")
    if start is None:
        await asyncio.sleep(delay)
    else:
        # An absolute deadline: the order does not depend on how fast the tasks started.
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        loop.call_at(start + delay, fut.set_result, None)
        await fut
    log.append(f"{name} end")
    return name.upper()


async def interleave(tag, n, log):
    for i in range(n):
        log.append(f"{tag}{i}")
        await asyncio.sleep(0)


async def main():
    log = []
    t0 = asyncio.get_running_loop().time()
    results = await asyncio.gather(worker("a", 0.03, log, t0), worker("b", 0.01, log, t0),
                                   worker("c", 0.02, log, t0))
    print(results)
    print(log)

    log = []
    await asyncio.gather(interleave("x", 3, log), interleave("y", 3, log))
    print(log)

    print(await asyncio.sleep(0.001, result="slept"))
    print(await asyncio.sleep(0, result=42))

    t = asyncio.create_task(worker("d", 0.01, []), name="my-task")
    print(t.get_name(), t.done(), t.cancelled())
    print(await t, t.done(), t.result(), t.exception())
    t.set_name("renamed")
    print(t.get_name())

    t2 = asyncio.ensure_future(worker("e", 0, []))
    print(type(t2).__name__, await t2)
    fut = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(fut) is fut)
    fut.set_result(7)
    print(await fut)

    me = asyncio.current_task()
    print(me.get_name().startswith("Task-"), me in asyncio.all_tasks())
    print(asyncio.iscoroutinefunction(worker), asyncio.iscoroutinefunction(print))
    c = worker("f", 0, [])
    print(asyncio.iscoroutine(c), asyncio.iscoroutine(42))
    await c
    return "main done"


print(asyncio.run(main()))
print(asyncio.run(asyncio.sleep(0, "second run")))
