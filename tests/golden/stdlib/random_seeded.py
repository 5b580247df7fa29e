import random

random.seed(42)
print([random.randint(1, 100) for _ in range(10)], random.random(), random.choice('abcdef'),
      random.sample(range(100), 5))
random.seed(2024)
print(random.random(), random.uniform(1, 10), random.randrange(0, 100, 7))
print(random.getrandbits(8), random.getrandbits(40), random.getrandbits(100))
xs = list(range(20))
random.shuffle(xs)
print(xs)
print(random.choices('abc', k=5), random.choices('abc', weights=[5, 1, 1], k=5))
print(random.choices(range(10), cum_weights=list(range(1, 11)), k=4))
print(round(random.gauss(0, 1), 10), round(random.normalvariate(5, 2), 10))
print(round(random.expovariate(1.5), 10), round(random.triangular(0, 10, 3), 10))
print(round(random.betavariate(2, 3), 10), round(random.gammavariate(0.5, 1), 10), round(random.gammavariate(3, 2), 10))
print(round(random.paretovariate(2), 10), round(random.weibullvariate(1, 2), 10), round(random.vonmisesvariate(1, 2), 10))
print(round(random.lognormvariate(0, 1), 10))
print(random.sample(range(10000), 8), random.sample(['a', 'b', 'c', 'd'], 4))
print(random.sample(['x', 'y'], k=5, counts=[3, 4]))
r = random.Random(7)
print(r.random(), r.randint(-5, 5), r.getrandbits(33))
state = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(state)
b = [r.random() for _ in range(3)]
print(a == b, len(state[1]), state[0])
r2 = random.Random('hello')
print(r2.random(), random.Random(b'hello').random(), random.Random(-7).random() == random.Random(7).random())
print(random.Random(2**100).random(), random.Random(0).random(), random.Random(3.5).random())
print(r2.randbytes(6).hex())
for bad in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.sample(range(3), 5),
            lambda: random.choices('ab', weights=[1], k=1), lambda: random.randrange(1, 10, 0),
            lambda: random.seed([1, 2])]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)

class MyRandom(random.Random):
    def random(self):
        return 0.5

print(MyRandom().uniform(0, 10), MyRandom().choices('abcd', k=3))
