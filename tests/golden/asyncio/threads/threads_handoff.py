# Hand-offs between threads and the loop: call_soon_threadsafe wakes a waiting loop,
# to_thread / run_in_executor run blocking calls, run_coroutine_threadsafe goes the other way.
import asyncio
import threading
import time


def blocking(x):
    time.sleep(0.01)
    return x * 10


async def main():
    loop = asyncio.get_running_loop()

    # a thread completes a future through call_soon_threadsafe while the loop sleeps
    fut = loop.create_future()

    def from_thread():
        time.sleep(0.02)
        loop.call_soon_threadsafe(fut.set_result, "set from a thread")

    th = threading.Thread(target=from_thread)
    th.start()
    print(await fut)
    th.join()

    # many threads, many hand-offs
    q = asyncio.Queue()

    def producer(n):
        for i in range(20):
            loop.call_soon_threadsafe(q.put_nowait, (n, i))

    threads = [threading.Thread(target=producer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    got = [await q.get() for _ in range(80)]
    for t in threads:
        t.join()
    print("items:", len(got), sorted(set(n for n, _ in got)))
    print("per-thread order kept:",
          all([i for m, i in got if m == n] == list(range(20)) for n in range(4)))

    print(await asyncio.to_thread(blocking, 4))
    print(await loop.run_in_executor(None, blocking, 5))
    print(await asyncio.gather(*(asyncio.to_thread(blocking, i) for i in range(5))))

    def fails():
        raise OSError("from the executor")

    try:
        await asyncio.to_thread(fails)
    except OSError as e:
        print("OSError:", e)

    # the loop keeps running other tasks while a thread blocks
    ticks = []

    async def ticker():
        for i in range(3):
            ticks.append(i)
            await asyncio.sleep(0.001)

    await asyncio.gather(asyncio.to_thread(time.sleep, 0.05), ticker())
    print("ticks while blocked:", ticks)

    # a thread submits a coroutine to the loop and waits for its result
    async def double(x):
        await asyncio.sleep(0.001)
        return 2 * x

    result = []

    def submitter():
        cf = asyncio.run_coroutine_threadsafe(double(21), loop)
        result.append(cf.result(timeout=5))

    th = threading.Thread(target=submitter)
    th.start()
    while not result:
        await asyncio.sleep(0.001)
    th.join()
    print("run_coroutine_threadsafe:", result)


asyncio.run(main())
