"""Lab (c): CPU-bound threads with the GIL on and off.

The same pure-Python work is split over 1, 2 and 4 threads. With the GIL only one thread runs
bytecode at a time, so more threads take as long as one (or longer); free-threaded, the threads
run on separate cores and the speed-up approaches the number of cores.
"""
import os
import sys
import threading
import time

WORK = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000


def spin(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def run(threads):
    per = WORK // threads
    ts = [threading.Thread(target=spin, args=(per,)) for _ in range(threads)]
    t0 = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - t0


gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
print(f"GIL enabled: {gil}, cores: {os.cpu_count()}")
run(1)  # warm-up: a JIT-compiled runtime (Gilt on the JVM, PyPy) speeds up after the first run
base = run(1)
for n in (1, 2, 4):
    t = base if n == 1 else run(n)
    print(f"{n} thread(s): {t:.3f} s  speed-up {base / t:.2f}x")
