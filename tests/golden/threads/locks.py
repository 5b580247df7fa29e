# Lock and RLock: mutual exclusion, timeouts, reentrancy and the errors CPython raises.
import threading
import _thread

lock = threading.Lock()
print(type(lock) is _thread.LockType, lock.locked())
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.05))
lock.release()
print(lock.locked())
for call in (lock.release, lambda: lock.acquire(False, 1), lambda: lock.acquire(timeout=-2)):
    try:
        call()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

with lock:
    print("in with:", lock.locked())
print("after with:", lock.locked())

# A lock may be released by another thread.
lock.acquire()
t = threading.Thread(target=lock.release)
t.start()
t.join()
print("released by another thread:", not lock.locked())

# Mutual exclusion: a read-modify-write under the lock never loses an update.
counter = 0


def add(n):
    global counter
    for _ in range(n):
        with lock:
            v = counter
            counter = v + 1


ts = [threading.Thread(target=add, args=(2000,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("counter:", counter)

# RLock
r = threading.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release()
r.release()
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with r:
    with r:
        print("nested with")


def try_other():
    print("other thread gets it:", r.acquire(timeout=0.05))


r.acquire()
t = threading.Thread(target=try_other)
t.start()
t.join()
r.release()
t = threading.Thread(target=try_other)
t.start()
t.join()

print(_thread.error is RuntimeError, threading.ThreadError is RuntimeError)
l2 = _thread.allocate_lock()
print(l2.acquire_lock(), l2.locked_lock())
l2.release_lock()
print(l2.locked())
