"""Lab (e): one I/O-bound job, four ways: serial, threads, asyncio, processes.

The job: N requests that each wait WAIT seconds for a (simulated) server, then do a little
work with the answer. Waiting is what makes it I/O-bound: the CPU is idle during the wait.

- serial: one request after the other, N * WAIT seconds;
- threads: one thread per request; a blocking wait releases the GIL, so the waits overlap;
- asyncio: one thread, one event loop; each request is a coroutine that awaits
  asyncio.sleep, so the loop runs the others meanwhile (no GIL hand-offs at all);
- processes: a multiprocessing.Pool; the waits overlap too, but each worker is a whole
  interpreter (a new JVM under Gilt), so start-up costs show.

Then a scale test: many more concurrent waits with asyncio tasks than a thread per wait.

Run: bin/gilt samples/labs/io_compare.py (and python3 samples/labs/io_compare.py to compare).
Processes need the multiprocessing module; where it is missing that row says so.
"""
import asyncio
import time

try:
    import threading
except ImportError:  # a Gilt build without the threads work (issue 3)
    threading = None

N = 20
WAIT = 0.1


def answer(i):
    # the "little work" done with each response
    return sum(range(i * 10)) % 97


def blocking_request(i):
    time.sleep(WAIT)
    return answer(i)


async def async_request(i):
    await asyncio.sleep(WAIT)
    return answer(i)


def run_serial():
    return [blocking_request(i) for i in range(N)]


def need_threads():
    if threading is None:
        raise ImportError("no threading module")


def run_threads():
    need_threads()
    results = [None] * N

    def worker(i):
        results[i] = blocking_request(i)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def run_asyncio():
    async def main():
        return await asyncio.gather(*(async_request(i) for i in range(N)))
    return asyncio.run(main())


def run_asyncio_to_thread():
    need_threads()

    async def main():
        return await asyncio.gather(*(asyncio.to_thread(blocking_request, i) for i in range(N)))
    return asyncio.run(main())


def run_processes():
    import multiprocessing
    with multiprocessing.Pool(4) as pool:
        return pool.map(blocking_request, range(N))


def timed(name, fn, expected):
    t0 = time.perf_counter()
    try:
        got = fn()
    except ImportError as e:
        print(f"{name:<22} not available here ({e})")
        return
    dt = time.perf_counter() - t0
    ok = "ok" if got == expected else "WRONG RESULTS"
    print(f"{name:<22} {dt:6.2f} s   {N * WAIT / dt:5.1f}x serial-wait speed   {ok}")


def scale(n_tasks, n_threads, wait=0.5):
    async def many():
        await asyncio.gather(*(asyncio.sleep(wait) for _ in range(n_tasks)))

    t0 = time.perf_counter()
    asyncio.run(many())
    dt_async = time.perf_counter() - t0

    print(f"{n_tasks} asyncio tasks waiting {wait} s at once: {dt_async:.2f} s")
    if threading is None:
        print("threads: not available here (no threading module)")
        return
    t0 = time.perf_counter()
    threads = [threading.Thread(target=time.sleep, args=(wait,)) for _ in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    dt_threads = time.perf_counter() - t0
    print(f"{n_threads} threads waiting {wait} s at once:  {dt_threads:.2f} s")


if __name__ == "__main__":
    expected = [answer(i) for i in range(N)]
    print(f"{N} requests, each waiting {WAIT} s (serial: {N * WAIT:.1f} s of waiting)")
    timed("serial", run_serial, expected)
    timed("threads", run_threads, expected)
    timed("asyncio", run_asyncio, expected)
    timed("asyncio + to_thread", run_asyncio_to_thread, expected)
    timed("processes (Pool(4))", run_processes, expected)
    print()
    scale(10000, 1000)
