# Error messages of misuse: no running loop, nested run, futures in the wrong state.
import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)

try:
    asyncio.create_task(None)
except RuntimeError as e:
    print("RuntimeError:", e)

loop = asyncio.new_event_loop()
fut = loop.create_future()
print(repr(fut))
try:
    fut.result()
except asyncio.InvalidStateError as e:
    print("InvalidStateError:", e)
try:
    fut.exception()
except asyncio.InvalidStateError as e:
    print("InvalidStateError:", e)
fut.set_result([1, 2])
print(repr(fut), fut.result(), fut.exception())
try:
    fut.set_result(3)
except asyncio.InvalidStateError as e:
    print("InvalidStateError:", e)
try:
    fut.set_exception(ValueError())
except asyncio.InvalidStateError as e:
    print("InvalidStateError:", e)

f2 = loop.create_future()
f2.set_exception(KeyError)
print(repr(f2), repr(f2.exception()))
try:
    f2.result()
except KeyError:
    print("result() raised KeyError")
f4 = loop.create_future()
print(f4.cancel(), repr(f4), f4.cancel())
print(issubclass(asyncio.InvalidStateError, Exception))
print(asyncio.isfuture(f4), asyncio.isfuture(42))

calls = []
f5 = loop.create_future()
cb = lambda f: calls.append(f.result())
f5.add_done_callback(cb)
f5.add_done_callback(cb)
print(f5.remove_done_callback(cb), f5.remove_done_callback(cb))
f5.add_done_callback(cb)
f5.set_result("cb ran")
loop.run_until_complete(asyncio.sleep(0))
print(calls)


async def nested():
    c = asyncio.sleep(0)
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    c = asyncio.sleep(0)
    try:
        loop.run_until_complete(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    try:
        asyncio.get_running_loop().run_forever()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        asyncio.get_running_loop().close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    t = asyncio.current_task()
    try:
        t.set_result(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await t
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(":")[0])
    try:
        await asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)


class Awaitable:
    def __await__(self):
        yield
        return "custom awaitable"


async def main():
    await nested()
    print(await asyncio.ensure_future(Awaitable()))
    print(await asyncio.gather(Awaitable(), asyncio.sleep(0, "s")))
    return "ok"


print(asyncio.run(main()))

try:
    loop.run_until_complete(42)
except TypeError as e:
    print("TypeError:", e)
loop.close()

# Exceptions out of asyncio.run propagate unchanged
async def boom():
    raise ZeroDivisionError("inside")

try:
    asyncio.run(boom())
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

stopped = asyncio.new_event_loop()
stopped.call_soon(stopped.stop)
try:
    stopped.run_until_complete(asyncio.sleep(1))
except RuntimeError as e:
    print("RuntimeError:", e)
stopped.close()
