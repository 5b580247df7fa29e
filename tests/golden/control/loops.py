# Loops: for/while with else, break, continue, nested loops, iteration protocols.
for i in range(3):
    pass
else:
    print("for-else ran, i =", i)
for i in range(10):
    if i == 2:
        break
else:
    print("not printed")
n = 0
while n < 5:
    n += 1
    if n % 2:
        continue
    print("even", n)
else:
    print("while-else", n)
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for idx, (x, y) in enumerate(zip("abc", [1, 2, 3]), start=1):
    print(idx, x, y)
total = 0
for row in [[1, 2], [3, 4]]:
    for cell in row:
        total += cell
print(total)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 2
print(list(Seq()), 4 in Seq())
class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print([x for x in It()])
i = 0
while True:
    i += 1
    if i > 100000:
        break
print(i)
