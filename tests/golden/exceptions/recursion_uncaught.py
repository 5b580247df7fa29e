# An uncaught RecursionError: repeated traceback lines are elided.
def f(n):
    return f(n + 1)

f(0)
