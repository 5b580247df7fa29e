# From seed article 002 ("Guide to understanding Concurrency & Parallelism in Python"),
# section 5, Using Multithreading for I/O Bound Tasks: both threads print "Hello...", sleep
# two seconds at the same time (sleeping releases the GIL), then print "...World!".
import threading
import time


def say_hello():
    print("Hello...")
    time.sleep(2)
    print("...World!")


thread1 = threading.Thread(target=say_hello)
thread2 = threading.Thread(target=say_hello)

thread1.start()
thread2.start()

thread1.join()
thread2.join()
