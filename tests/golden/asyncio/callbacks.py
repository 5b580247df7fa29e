# Ordering of call_soon / call_later / call_at callbacks and loop control.
import asyncio

loop = asyncio.new_event_loop()
log = []

loop.call_soon(log.append, "soon1")
loop.call_later(0.4, log.append, "later 0.4")
loop.call_later(0.2, log.append, "later 0.2")
loop.call_soon(log.append, "soon2")
h = loop.call_soon(log.append, "cancelled soon")
h.cancel()
th = loop.call_later(0.1, log.append, "cancelled timer")
th.cancel()
t0 = loop.time()
loop.call_at(t0 + 0.3, log.append, "at 0.3")
loop.call_later(0.5, loop.stop)


def chain(n):
    log.append(f"chain{n}")
    if n < 3:
        loop.call_soon(chain, n + 1)


loop.call_soon(chain, 0)
loop.call_soon(log.append, "soon3")
loop.run_forever()
print(log)
print(h.cancelled(), th.cancelled(), loop.is_running(), loop.is_closed())
print(isinstance(th, asyncio.TimerHandle), th.when() > t0 - 1)


# run_until_complete with a coroutine and with a future
async def add(a, b):
    await asyncio.sleep(0)
    return a + b

print(loop.run_until_complete(add(2, 3)))
fut = loop.create_future()
loop.call_later(0.001, fut.set_result, "future result")
print(loop.run_until_complete(fut))


# stop() from inside a callback finishes the current batch first
log.clear()
loop.call_soon(log.append, 1)
loop.call_soon(loop.stop)
loop.call_soon(log.append, 2)
loop.run_forever()
print(log)


# exceptions in callbacks go to the exception handler; the loop keeps going
def handler(lp, ctx):
    print("handler:", ctx["message"].split(" at ")[0], type(ctx.get("exception")).__name__)

loop.set_exception_handler(handler)
print(loop.get_exception_handler() is handler)


def bad():
    raise ValueError("bad callback")

loop.call_soon(bad)
loop.call_soon(print, "after bad")
loop.call_soon(loop.stop)
loop.run_forever()
loop.call_exception_handler({"message": "custom message"})
loop.set_exception_handler(None)

try:
    loop.call_later(None, print)
except TypeError as e:
    print("TypeError:", e)
try:
    loop.call_at(None, print)
except TypeError as e:
    print("TypeError:", e)

loop.close()
print(loop.is_closed())
try:
    loop.call_soon(print, "x")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    loop.run_until_complete(fut)
except RuntimeError as e:
    print("RuntimeError:", e)
loop.close()
