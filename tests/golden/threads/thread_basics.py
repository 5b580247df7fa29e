# Thread objects: start/join, names, results, daemon flag, identity, errors.
import threading
import time

results = {}


def worker(n, scale=1):
    time.sleep(0.01 * (3 - n % 3))
    results[n] = n * n * scale


threads = [threading.Thread(target=worker, args=(i,), kwargs={"scale": 2}) for i in range(6)]
print([t.name.split(" ", 1)[1] for t in threads])
print([t.is_alive() for t in threads][:2], threads[0].ident, threads[0].native_id)
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print([t.is_alive() for t in threads][:2], all(isinstance(t.ident, int) for t in threads))
print(len({t.ident for t in threads}) == 6)

# repr before start and after join (the ident varies: cut it off)
t = threading.Thread(target=worker, args=(7,), name="custom")
print(repr(t))
t.start()
t.join()
print(repr(t).rsplit(" ", 1)[0] + ")>")

try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name="counter-%d" % n)
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i
        self.seen_name = threading.current_thread().name


c = Counter(100)
c.start()
c.join(timeout=5)
print(c.total, c.seen_name, c.is_alive())

# daemon flag
d = threading.Thread(target=lambda: None, daemon=True)
print(d.daemon, threading.Thread(target=lambda: None).daemon)
d.start()
d.join()
try:
    d.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)

# main thread and the registry
print(threading.current_thread() is threading.main_thread(), threading.main_thread().name)
print(threading.active_count(), len(threading.enumerate()))
ev = threading.Event()
blocker = threading.Thread(target=ev.wait, name="blocker")
blocker.start()
print(threading.active_count(), sorted(t.name for t in threading.enumerate()))
ev.set()
blocker.join()
print(threading.active_count())

# join with a timeout on a thread that is still running
slow = threading.Thread(target=time.sleep, args=(0.3,))
slow.start()
slow.join(0.01)
print("still alive:", slow.is_alive())
slow.join()
print("alive after join:", slow.is_alive())

# get_ident / get_native_id
print(threading.get_ident() == threading.main_thread().ident, isinstance(threading.get_native_id(), int))
print(threading.TIMEOUT_MAX > 1e6, threading.stack_size())
