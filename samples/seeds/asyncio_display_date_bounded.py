# The AsyncIO example of "Who Needs the GIL If you Have AsyncIO, Multiprocessing and Threading
# in Python" (shared/seeds/000), bounded: each coroutine runs for 5 s instead of 50 s, and the
# loop stops once both are done (the article's loop.run_forever() never returns). It prints
# wall-clock times, so there is no expected-output file.
import asyncio
import datetime
import random


async def my_sleep_func():
    await asyncio.sleep(random.randint(0, 5) / 5)


async def display_date(num, loop):
    end_time = loop.time() + 5.0
    while True:
        print("Loop: {} Time: {}".format(num, datetime.datetime.now()))
        if (loop.time() + 1.0) >= end_time:
            break
        await my_sleep_func()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
both = asyncio.gather(display_date(1, loop), display_date(2, loop))
both.add_done_callback(lambda _: loop.stop())
loop.run_forever()
loop.close()
