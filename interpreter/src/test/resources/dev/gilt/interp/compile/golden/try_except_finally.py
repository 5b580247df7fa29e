def f(x):
    try:
        a()
    except E:
        b()
    except:
        c()
    else:
        d()
    try:
        return 1
    finally:
        g()
    for i in x:
        try:
            break
        finally:
            k()
    with a as b, c:
        pass
