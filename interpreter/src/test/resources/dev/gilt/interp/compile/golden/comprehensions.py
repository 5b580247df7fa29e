def outer(a):
    v = 1
    x = [lambda: v + i for i in range(3)]
    y = {k: v for k in a if k if not k}
    z = (i for i in a for j in i)
    w = [(y := i) for i in a]
    return y
