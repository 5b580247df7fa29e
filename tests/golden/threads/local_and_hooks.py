# threading.local, excepthook, interrupt_main, _thread basics.
import sys
import threading
import _thread
import time

data = threading.local()
data.x = "main"
seen = []


def show(tag):
    seen.append((tag, getattr(data, "x", "-")))
    data.x = tag
    seen.append((tag, data.x))


ts = [threading.Thread(target=show, args=("t%d" % i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen), data.x)


class Config(threading.local):
    created = 0

    def __init__(self, level):
        Config.created += 1
        self.level = level


cfg = Config(5)
cfg.level = 9
out = []
t = threading.Thread(target=lambda: out.append(cfg.level))
t.start()
t.join()
print(out, cfg.level, Config.created)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)

# A custom excepthook sees the thread and the exception.
caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


old = threading.excepthook
threading.excepthook = hook


def fail():
    raise KeyError("missing")


t = threading.Thread(target=fail, name="failing")
t.start()
t.join()
threading.excepthook = old
print(caught)
print(threading.ExceptHookArgs is _thread._ExceptHookArgs, threading.__excepthook__ is old)

# SystemExit in a thread ends only that thread, silently.
t = threading.Thread(target=sys.exit, args=(3,))
t.start()
t.join()
print("after SystemExit in a thread")

# _thread directly.
done = _thread.allocate_lock()
done.acquire()
box = []


def raw(a, b=0):
    box.append(a + b)
    done.release()


ident = _thread.start_new_thread(raw, (1,), {"b": 2})
done.acquire()
print(box, isinstance(ident, int))
try:
    _thread.start_new_thread(raw, [1])
except TypeError as e:
    print("TypeError:", e)
try:
    _thread.start_new_thread(1, ())
except TypeError as e:
    print("TypeError:", e)

# interrupt_main: KeyboardInterrupt arrives in the main thread.
threading.Timer(0.05, _thread.interrupt_main).start()
try:
    for _ in range(400):
        time.sleep(0.01)
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt in main")
