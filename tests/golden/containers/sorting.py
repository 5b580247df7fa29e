# list.sort and sorted: stability, key, reverse, errors, mutation during sort.
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len), sorted(words, key=str.lower, reverse=True))
nums = [5, -3, 2.5, 0, -7.25, 11]
nums.sort()
print(nums)
nums.sort(key=abs)
print(nums)
calls = []
def key(x):
    calls.append(x)
    return -x
print(sorted([3, 1, 2], key=key), calls)

class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return "K(%d)" % self.v
log = []
print(sorted([K(3), K(1), K(2)]), log)

try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
l = [3, 2, 1]
def meddle(x):
    l.append(0)
    return x
try:
    l.sort(key=meddle)
except ValueError as e:
    print("ValueError:", e, l)
try:
    [].sort(1)
except TypeError as e:
    print("TypeError:", e)
print(sorted("banana"), sorted({3: "c", 1: "a"}), sorted((2, 1), reverse=True))
big = [(i * 7919) % 1000 for i in range(2000)]
s = sorted(big)
print(s[:5], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
