def f(x):
    try:
        a()
    except (E1, E2) as e:
        b(e)
    except E3:
        return 1
    else:
        c()
    finally:
        d()
    while x:
        try:
            if x: continue
            break
        finally:
            cleanup()
    with open(x) as fh:
        for line in fh:
            if line:
                return line
    for i in x:
        with m:
            break
    try:
        pass
    except:
        raise
    if a < b < c:
        pass
    if not (a and b or c):
        pass
    x = a < b < c
    return f"{x}" f"{y!r:{w}.{p}}" "lit"

def g():
    for i in range(10):
        try:
            return i
        except E as e:
            continue
        finally:
            print(i)
