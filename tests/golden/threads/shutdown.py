# The process waits for non-daemon threads; daemon threads do not hold it up.
import threading
import time


def late():
    time.sleep(0.2)
    print("non-daemon thread finished after the main program")


def forever():
    while True:
        time.sleep(0.05)


threading.Thread(target=late).start()
threading.Thread(target=forever, daemon=True).start()
print("main program done")
