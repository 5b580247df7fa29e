"""Lab (b): `counter += 1` is not atomic, with or without a GIL; a Lock makes it so.

`counter = counter + one()` on a shared global is LOAD, CALL, ADD, STORE: a thread switch
between the load and the store loses the other thread's update. With the GIL, switches happen
only at calls and backward jumps, hence the call in the middle; free-threaded, a plain
`counter += 1` loses updates too. The GIL keeps the interpreter's own counts safe, not
your program's invariants.
"""
import sys
import threading

THREADS = 4
N = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000

counter = 0
lock = threading.Lock()


def one():
    return 1


def unsafe():
    global counter
    for _ in range(N):
        # LOAD counter, call one(), ADD, STORE counter: the call is a point where the
        # interpreter may switch threads, between the load and the store.
        counter = counter + one()


def safe():
    global counter
    for _ in range(N):
        with lock:
            counter += 1


for name, fn in (("without a lock", unsafe), ("with a Lock", safe)):
    counter = 0
    ts = [threading.Thread(target=fn) for _ in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    lost = THREADS * N - counter
    print(f"{name:15}: expected {THREADS * N}, got {counter} ({lost} updates lost)")
