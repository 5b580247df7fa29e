# queue: FIFO, LIFO, priority and simple queues between threads.
import queue
import threading

q = queue.Queue()
out = []


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        out.append(item * 10)
        q.task_done()


workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for i in range(30):
    q.put(i)
q.join()
print(sorted(out) == [i * 10 for i in range(30)], q.qsize(), q.empty())
for _ in workers:
    q.put(None)
for w in workers:
    w.join()
print("unfinished:", q.unfinished_tasks)

try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)

bq = queue.Queue(maxsize=2)
bq.put(1)
bq.put_nowait(2)
print(bq.full(), bq.qsize(), bq.maxsize)
try:
    bq.put(3, block=False)
except queue.Full:
    print("Full")
try:
    bq.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")
try:
    bq.put(3, timeout=-1)
except ValueError as e:
    print("ValueError:", e)

# A blocked put completes when a consumer makes room.
t = threading.Thread(target=bq.put, args=(3,))
t.start()
print(bq.get(), bq.get())
t.join()
print(bq.get(), bq.empty())

lq = queue.LifoQueue()
for i in range(4):
    lq.put(i)
print([lq.get() for _ in range(4)])

pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (4, "d"), (2, "b")]:
    pq.put(item)
print([pq.get()[1] for _ in range(4)])

sq = queue.SimpleQueue()
for i in range(3):
    sq.put(i)
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.get(block=False), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")

# Producer/consumer pipeline with a bounded queue.
pipe = queue.Queue(maxsize=3)
total = []


def produce():
    for i in range(100):
        pipe.put(i)
    pipe.put(None)


def consume():
    s = 0
    while (x := pipe.get()) is not None:
        s += x
    total.append(s)


ts = [threading.Thread(target=produce), threading.Thread(target=consume)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("pipeline sum:", total)
