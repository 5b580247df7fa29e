# From seed article 000 ("Who Needs the GIL If you Have AsyncIO, Multiprocessing and
# Threading in Python"), section Threading: five workers sleep a random 1-9 seconds each.
# The GIL is released while a thread sleeps, so all five sleep at the same time and the
# program ends after the longest sleep, not the sum. Output order varies from run to run.
import threading
import time
import random


def worker(number):
    sleep = random.randrange(1, 10)
    time.sleep(sleep)
    print("I am Worker {}, I slept for {} seconds".format(number, sleep))


for i in range(5):
    t = threading.Thread(target=worker, args=(i,))
    t.start()

print("All Threads are queued, let's see when they finish!")
