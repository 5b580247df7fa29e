"""Lab (d): I/O-bound threads: blocking calls release the GIL.

Ten threads each sleep 0.2 s (standing in for a network or disk wait). Sleeping releases the
GIL, so the waits overlap and the whole run takes about 0.2 s, not 2 s, with the GIL on or off.
"""
import threading
import time

N, WAIT = 10, 0.2


def fetch(i, results):
    time.sleep(WAIT)
    results[i] = i * i


results = [None] * N
t0 = time.perf_counter()
ts = [threading.Thread(target=fetch, args=(i, results)) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
elapsed = time.perf_counter() - t0
print(f"{N} waits of {WAIT} s took {elapsed:.2f} s in total (serial would be {N * WAIT:.1f} s)")
print("results:", results)
