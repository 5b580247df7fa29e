def f():
    try:
        while x:
            g()
    except E:
        pass
