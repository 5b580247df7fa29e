# An uncaught exception: traceback with caret lines on stderr, exit status 1.
def divide(a, b):
    return a / b

def average(values):
    total = sum(values)
    return divide(total, len(values))

def lookup(table, key):
    return table[key]["value"]

print("start")
print(average([1, 2, 3]))
try:
    lookup({}, "k")
except KeyError as e:
    print("caught", e)
print(average([]))
print("not reached")
