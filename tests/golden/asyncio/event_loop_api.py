# get_event_loop / set_event_loop / new_event_loop, Runner, loop factories, task factories.
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)


async def where():
    return asyncio.get_running_loop() is loop, asyncio.get_event_loop() is loop

print(loop.run_until_complete(where()))
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
loop.close()

with asyncio.Runner() as runner:
    print(runner.run(asyncio.sleep(0, "first")))
    print(runner.run(asyncio.sleep(0, "second")))
    rl = runner.get_loop()
    print(rl.is_closed())
print(rl.is_closed())
c = asyncio.sleep(0)
try:
    runner.run(c)
except RuntimeError as e:
    print("RuntimeError:", e)
c.close()

made = []


def factory():
    lp = asyncio.new_event_loop()
    made.append(lp)
    return lp


with asyncio.Runner(loop_factory=factory) as r:
    print(r.run(asyncio.sleep(0, "runner factory")), r.get_loop() is made[-1])

# task factories
names = []


def task_factory(lp, coro, **kw):
    t = asyncio.Task(coro, loop=lp, **kw)
    names.append(type(coro).__name__)
    return t


async def uses_factory():
    asyncio.get_running_loop().set_task_factory(task_factory)
    t = asyncio.create_task(asyncio.sleep(0, "made by factory"))
    print(await t, asyncio.get_running_loop().get_task_factory() is task_factory)
    asyncio.get_running_loop().set_task_factory(None)

asyncio.run(uses_factory())
print(names)

# pending tasks are cancelled when run() ends
log = []


async def forever():
    try:
        await asyncio.sleep(100)
    finally:
        log.append("forever cleaned up")


async def leaves_task():
    asyncio.create_task(forever())
    await asyncio.sleep(0)
    return "main returned"

print(asyncio.run(leaves_task()), log)

# debug flag
async def dbg():
    return asyncio.get_running_loop().get_debug()
print(asyncio.run(dbg(), debug=True), asyncio.run(dbg()))
