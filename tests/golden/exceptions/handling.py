# try/except/else/finally: order of execution, return in finally, nested handlers.
def order(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError("bad")
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log

print(order(False))
print(order(True))

def finally_wins():
    try:
        return "try"
    finally:
        return "finally"
print(finally_wins())

def nested():
    try:
        try:
            {}["missing"]
        except IndexError:
            print("not here")
        finally:
            print("inner finally")
    except LookupError as e:
        print("outer caught", type(e).__name__, e)

nested()

def multiple(x):
    try:
        return 10 // x if x != "s" else int(x)
    except (ZeroDivisionError, ValueError) as e:
        return type(e).__name__
print(multiple(2), multiple(0), multiple("s"))

try:
    raise ValueError("gone")
except ValueError as e:
    pass
try:
    e
except NameError as ne:
    print("e is deleted:", ne)

def loop_with_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_with_finally())

try:
    try:
        raise KeyError("k")
    except KeyError:
        raise
except KeyError as e:
    print("re-raised", repr(e))
