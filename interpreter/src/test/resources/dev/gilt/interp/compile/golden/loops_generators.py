def g(a):
    def h(): return a
    yield h
def w(x):
    while x:
        x -= 1
    else:
        y()
    for i in x:
        if i: break
        continue
    if x:
        a()
    else:
        b()
def t(x):
    while True:
        f()
    a, b = b, a
    a, b, c = c, b, a
    if x is None: pass
