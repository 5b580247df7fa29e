# From "Who Needs the GIL If you Have AsyncIO, Multiprocessing and Threading in Python"
# (shared/seeds/000): the REPL session showing reference counts, as a script.
import sys

a = []
print(sys.getrefcount(a))   # a, plus the argument passed to getrefcount
b = a
print(sys.getrefcount(a))   # a second name makes 3


def f(x):
    return sys.getrefcount(x)


print(f(a))                 # a, b, the parameter x, and the argument: 4
del b
print(sys.getrefcount(a))
