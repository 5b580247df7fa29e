# Decorators, functools-free wrappers, __wrapped__ via the function dict.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("ret", result)
        return result
    wrapper.__wrapped__ = fn
    wrapper.__name__ = fn.__name__
    return wrapper

@trace
def add(a, b=0):
    return a + b

add(1, b=2)
add(3)
print(add.__name__, add.__wrapped__(5, 6))

def repeat(n):
    def deco(fn):
        def inner(*a):
            return [fn(*a) for _ in range(n)]
        return inner
    return deco

@repeat(3)
def hello(who):
    return "hi " + who

print(hello("you"))
add.tag = "tagged"
print(add.tag, add.__dict__["tag"])
