# skip-if: gil=off  (fails free-threaded: a known race in concurrent.futures, issue 3)
# concurrent.futures: ThreadPoolExecutor, Future, wait, as_completed.
import threading
import time
from concurrent.futures import (ThreadPoolExecutor, Future, as_completed, wait, CancelledError,
                                FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, TimeoutError)


def square(x):
    time.sleep(0.005 * (x % 4))
    return x * x


with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(10))))
    print(list(ex.map(pow, [2, 3, 4], [5, 2, 1])))
    futs = [ex.submit(square, i) for i in range(8)]
    print(sorted(f.result() for f in as_completed(futs)))
    done, not_done = wait(futs, return_when=ALL_COMPLETED)
    print(len(done), len(not_done))

    bad = ex.submit(lambda: 1 / 0)
    try:
        bad.result()
    except ZeroDivisionError as e:
        print("carried to result():", e)
    print(type(bad.exception()).__name__, bad.done(), bad.cancelled())

    slow = ex.submit(time.sleep, 0.3)
    try:
        slow.result(timeout=0.01)
    except TimeoutError:
        print("TimeoutError")
    done, not_done = wait([slow, bad], return_when=FIRST_COMPLETED)
    print(bad in done, slow in not_done)
    done, not_done = wait([slow, bad], return_when=FIRST_EXCEPTION)
    print(bad in done)

# Futures by hand.
f = Future()
print(f.done(), f.running(), f.cancelled())
calls = []
f.add_done_callback(lambda fut: calls.append(("cb", fut.result())))
f.set_result(42)
print(f.result(), calls)
f.add_done_callback(lambda fut: calls.append("late"))
print(calls)
f2 = Future()
print(f2.cancel(), f2.cancelled(), f2.done())
try:
    f2.result()
except CancelledError:
    print("CancelledError")
f3 = Future()
f3.set_exception(ValueError("bad"))
print(repr(f3.exception()))

# Names, initializer, shutdown with cancel_futures.
names = set()
inits = []
lock = threading.Lock()


def init(tag):
    with lock:
        inits.append(tag)


def who():
    time.sleep(0.02)
    names.add(threading.current_thread().name.rsplit("_", 1)[0])


ex = ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool", initializer=init, initargs=("hi",))
for _ in range(4):
    ex.submit(who)
ex.shutdown(wait=True)
print(sorted(names), set(inits))
try:
    ex.submit(who)
except RuntimeError as e:
    print("RuntimeError:", e)

ex = ThreadPoolExecutor(max_workers=1)
gate = threading.Event()
first = ex.submit(gate.wait)
while not first.running():  # the worker took it: cancel_futures cannot cancel it any more
    time.sleep(0.001)
rest = [ex.submit(square, i) for i in range(5)]
ex.shutdown(wait=False, cancel_futures=True)
gate.set()
print("cancelled:", sum(r.cancelled() for r in rest), first.result())

try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)
