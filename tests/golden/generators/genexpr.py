# Generator expressions and lazy pipelines.
nums = (x * x for x in range(10))
print(next(nums), next(nums))
evens = (n for n in nums if n % 2 == 0)
print(list(evens))
print(sum(x for x in range(100)), max(len(w) for w in "a bb ccc".split()))
pairs = ((i, j) for i in range(3) for j in range(i))
print(list(pairs))
def take(n, it):
    for _ in range(n):
        yield next(it)
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, naturals())))
print(type(x for x in []).__name__)
