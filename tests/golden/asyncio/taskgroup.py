# TaskGroup: success, a failing task cancels its siblings and the body, cancellation.
# (Errors are printed through the first exception of the group, so the output is the same
# whether the interpreter raises an ExceptionGroup or the first error itself.)
import asyncio


def first_error(e):
    return getattr(e, "exceptions", [e])[0]


async def job(name, delay, log, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise
    if fail:
        raise ValueError(f"{name} failed")
    log.append(f"{name} done")
    return name


async def main():
    log = []
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job("a", 0.02, log))
        b = tg.create_task(job("b", 0.01, log), name="task-b")
        print("inside:", repr(tg), b.get_name())
    print("after:", log, a.result(), b.result(), repr(tg))

    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("ok", 1, log))
            tg.create_task(job("bad", 0.01, log, fail=True))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                log.append("body cancelled")
                raise
    except BaseException as e:
        err = first_error(e)
        print("group failed:", type(err).__name__, err)
    print(sorted(log))
    print("current task not cancelled:", asyncio.current_task().cancelling())

    # an exception in the body cancels the tasks
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("long", 1, log))
            await asyncio.sleep(0)
            raise KeyError("body error")
    except BaseException as e:
        print("body failed:", type(first_error(e)).__name__, log)

    # the parent is cancelled from outside: the group cancels its tasks, CancelledError out
    log = []

    async def parent():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("child1", 1, log))
            tg.create_task(job("child2", 1, log))
            await asyncio.sleep(1)

    p = asyncio.create_task(parent())
    await asyncio.sleep(0.01)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled:", sorted(log))

    # misuse
    tg = asyncio.TaskGroup()
    c = job("x", 0, [])
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    async with tg:
        pass
    c = job("y", 0, [])
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)

    # tasks created by tasks of the group
    results = []
    async with asyncio.TaskGroup() as tg:
        async def spawner():
            for i in range(3):
                tg.create_task(job(f"s{i}", 0.001 * (3 - i), results))
        tg.create_task(spawner())
    print(results)


asyncio.run(main())
