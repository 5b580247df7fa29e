"""Lab (a): reference counts race without a GIL.

Four threads each take and drop references to one shared list a million times. Every
`ref = shared` is an incref and every rebinding a decref of the same count. With a GIL, or with
an atomic or biased count, the count ends where it started. Run it free-threaded with the plain
policy and the unprotected read-modify-write of the count loses updates: the count drifts up
(a leak: the list can never be freed) or down (the list is freed while still in use, and Gilt
reports the use-after-free and stops, exit status 134).
"""
import sys
import threading

THREADS = 4
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000

shared = []
before = sys.getrefcount(shared)


def churn():
    for _ in range(ROUNDS):
        ref = shared      # incref
        ref = None        # decref


workers = [threading.Thread(target=churn) for _ in range(THREADS)]
for w in workers:
    w.start()
for w in workers:
    w.join()

after = sys.getrefcount(shared)
gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
print(f"GIL enabled: {gil}")
print(f"refcount before: {before}, after: {after}")
if after == before:
    print("exact: no increment or decrement was lost")
elif after > before:
    print(f"LEAK: {after - before} decrements were lost; this list can never be freed")
else:
    print(f"UNDERCOUNT: {before - after} increments were lost; the list will be freed while in use")
