# Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier.
import asyncio


async def main():
    lock = asyncio.Lock()
    log = []

    async def critical(name):
        async with lock:
            log.append(f"{name} in")
            await asyncio.sleep(0.001)
            log.append(f"{name} out")

    print(lock.locked(), repr(lock).endswith("[unlocked]>"))
    await asyncio.gather(*(critical(n) for n in "abc"))
    print(log)
    await lock.acquire()
    print(lock.locked(), repr(lock).endswith("[locked]>"))
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

    # fairness under cancellation
    await lock.acquire()
    t1 = asyncio.create_task(lock.acquire())
    t2 = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print("waiters:", repr(lock).split("[")[1])
    t1.cancel()
    lock.release()
    await asyncio.sleep(0)
    print(t1.cancelled(), await t2, lock.locked())
    lock.release()

    # Event
    ev = asyncio.Event()
    woke = []

    async def wait_ev(name):
        await ev.wait()
        woke.append(name)

    ws = [asyncio.create_task(wait_ev(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(ev.is_set(), repr(ev).split("[")[1])
    ev.set()
    await asyncio.gather(*ws)
    print(ev.is_set(), woke, await ev.wait())
    ev.clear()
    print(ev.is_set())

    # Condition
    cond = asyncio.Condition()
    items = []
    got = []

    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: items)
            got.append((name, items.pop(0)))

    cs = [asyncio.create_task(consumer(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        items.append("x")
        cond.notify()
    await asyncio.sleep(0.001)
    async with cond:
        items.extend(["y", "z"])
        cond.notify_all()
    await asyncio.gather(*cs)
    print(got)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)

    # Semaphore limits concurrency
    sem = asyncio.Semaphore(2)
    active = [0, 0]

    async def limited(i):
        async with sem:
            active[0] += 1
            active[1] = max(active[1], active[0])
            await asyncio.sleep(0.001)
            active[0] -= 1

    await asyncio.gather(*(limited(i) for i in range(6)))
    print("max concurrent:", active[1], sem.locked(), repr(sem).split("[")[1])
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)

    # Barrier
    barrier = asyncio.Barrier(3)
    order = []

    async def party(name, delay):
        await asyncio.sleep(delay)
        order.append(f"{name} arrives")
        idx = await barrier.wait()
        order.append(f"{name} leaves")
        return idx

    idxs = await asyncio.gather(party("a", 0.003), party("b", 0.001), party("c", 0.002))
    print(order, sorted(idxs), barrier.n_waiting, barrier.broken, barrier.parties)
    print(repr(barrier).split("[")[1])

    b2 = asyncio.Barrier(2)
    w = asyncio.create_task(b2.wait())
    await asyncio.sleep(0)
    await b2.abort()
    try:
        await w
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError:", e, b2.broken)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
