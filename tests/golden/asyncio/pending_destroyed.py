# A pending task that becomes garbage is reported when the collector frees it, as CPython does
# ("Task was destroyed but it is pending!"), through the loop's exception handler.
import asyncio
import gc

loop = asyncio.new_event_loop()
loop.set_exception_handler(lambda lp, ctx: print("handler:", ctx["message"], type(ctx["task"]).__name__))


async def forever():
    await loop.create_future()


t = loop.create_task(forever())
loop.run_until_complete(asyncio.sleep(0))
print("task is", "pending" if not t.done() else "done")
del t
loop.close()
gc.collect()
print("collected")
