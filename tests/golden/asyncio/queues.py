# Queue, PriorityQueue, LifoQueue: blocking put/get, join/task_done, nowait errors.
import asyncio


async def producer(q, n, tag):
    for i in range(n):
        await q.put(f"{tag}{i}")
    await q.put(None)


async def consumer(q, out):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            return
        out.append(item)


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full(), q.qsize(), str(q))
    out = []
    await asyncio.gather(producer(q, 6, "p"), consumer(q, out))
    print(out, q.empty())

    q = asyncio.Queue(1)
    q.put_nowait("only")
    print(q.full(), str(q))
    try:
        q.put_nowait("too many")
    except asyncio.QueueFull:
        print("QueueFull")
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")

    # putters wait in order
    q = asyncio.Queue(1)
    await q.put(0)
    log = []

    async def put(i):
        await q.put(i)
        log.append(f"put {i}")

    tasks = [asyncio.create_task(put(i)) for i in range(1, 4)]
    await asyncio.sleep(0)
    print("waiting putters:", str(q))
    got = []
    for _ in range(4):
        got.append(await q.get())
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    print(got, log)

    # join waits for task_done of every item
    q = asyncio.Queue()
    done = []

    async def worker(name):
        while True:
            item = await q.get()
            await asyncio.sleep(0.001 * item)
            done.append(item)
            q.task_done()

    for i in (3, 1, 2):
        q.put_nowait(i)
    workers = [asyncio.create_task(worker(f"w{i}")) for i in range(2)]
    await q.join()
    print("joined:", sorted(done), q._unfinished_tasks)
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (0, "z")]:
        await pq.put(item)
    print([pq.get_nowait() for _ in range(4)])

    lq = asyncio.LifoQueue()
    for i in range(4):
        lq.put_nowait(i)
    print([await lq.get() for _ in range(4)])

    # a cancelled getter does not lose an item
    q = asyncio.Queue()
    g1 = asyncio.create_task(q.get())
    g2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait("item")
    g1.cancel()
    await asyncio.sleep(0)
    print("g2 got:", await g2, g1.cancelled())

    # get with timeout
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except TimeoutError:
        print("get timed out, getters left:", len(q._getters))


asyncio.run(main())
