# Condition, Semaphore, BoundedSemaphore, Event, Barrier, Timer.
import threading
import time

# Condition: a bounded buffer with one producer and two consumers.
cond = threading.Condition()
items = []
consumed = []
DONE = object()


def producer():
    for i in range(20):
        with cond:
            items.append(i)
            cond.notify()
    with cond:
        items.append(DONE)
        items.append(DONE)
        cond.notify_all()


def consumer():
    while True:
        with cond:
            cond.wait_for(lambda: items)
            x = items.pop(0)
        if x is DONE:
            return
        consumed.append(x)


cs = [threading.Thread(target=consumer) for _ in range(2)]
p = threading.Thread(target=producer)
for t in cs + [p]:
    t.start()
for t in cs + [p]:
    t.join()
print(sorted(consumed))

c2 = threading.Condition(threading.Lock())
with c2:
    print("wait timeout:", c2.wait(0.01))
    print("wait_for timeout:", c2.wait_for(lambda: False, timeout=0.01))
for call in (c2.wait, c2.notify):
    try:
        call()
    except RuntimeError as e:
        print("RuntimeError:", e)

# Semaphore: at most 2 workers inside at once.
sem = threading.Semaphore(2)
inside = 0
peak = 0
guard = threading.Lock()


def limited():
    global inside, peak
    with sem:
        with guard:
            inside += 1
            peak = max(peak, inside)
        time.sleep(0.02)
        with guard:
            inside -= 1


ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("peak:", peak)
print(sem.acquire(blocking=False), sem.acquire(blocking=False), sem.acquire(blocking=False))
print(sem.acquire(timeout=0.01))
sem.release(2)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    sem.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)

b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)

# Event
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
threading.Timer(0.05, ev.set).start()
print(ev.wait(5), ev.is_set())
ev.clear()
print(ev.is_set())

# Barrier
order = []
barrier = threading.Barrier(3, action=lambda: order.append("action"))


def party(i):
    idx = barrier.wait()
    order.append(idx)


ts = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(order[0], sorted(order[1:]), barrier.parties, barrier.n_waiting, barrier.broken)

b2 = threading.Barrier(2, timeout=0.05)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken after timeout:", b2.broken)
b2.reset()
print("after reset:", b2.broken)
b2.abort()
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("aborted:", b2.broken)

# Timer: cancel before it fires
fired = []
tm = threading.Timer(0.2, fired.append, args=(1,))
tm.start()
tm.cancel()
tm.join()
print("fired:", fired, tm.finished.is_set())
