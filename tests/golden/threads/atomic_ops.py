# Single operations on shared containers are atomic, with the GIL on or off.
import threading

T, N = 4, 3000
shared_list = []
shared_dict = {}
shared_set = set()


def work(k):
    for i in range(N):
        shared_list.append(i)
        shared_dict[(k, i)] = i
        shared_set.add((k, i))
        shared_dict["last"] = i


ts = [threading.Thread(target=work, args=(k,)) for k in range(T)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(shared_list) == T * N, len(shared_dict) == T * N + 1, len(shared_set) == T * N)
print(sum(shared_list) == T * sum(range(N)))

# pops from several threads: every item is taken exactly once
taken = []
lock = threading.Lock()


def drain():
    mine = []
    while True:
        try:
            mine.append(shared_list.pop())
        except IndexError:
            break
    with lock:
        taken.extend(mine)


ts = [threading.Thread(target=drain) for _ in range(T)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(taken) == T * N, shared_list == [])
