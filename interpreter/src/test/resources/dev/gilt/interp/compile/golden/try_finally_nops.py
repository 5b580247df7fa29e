def f(x):
    try:
        pass
    finally:
        g()
def h(x):
    try:
        x
    finally:
        g()
def k(x):
    y()
    try:
        pass
    finally:
        g()
