# RecursionError is catchable and the interpreter recovers.
import sys

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)

def depth(n):
    return n if n == 0 else depth(n - 1) + 1
print(depth(500))
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(depth(1500))
sys.setrecursionlimit(1000)
try:
    depth(5000)
except RecursionError:
    print("limit restored")
