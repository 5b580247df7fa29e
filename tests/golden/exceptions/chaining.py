# Exception chaining: __context__, __cause__, __suppress_context__.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("from") from z
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, e.__context__ is e.__cause__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("none") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

def reraise_same():
    try:
        raise KeyError("x")
    except KeyError as k:
        try:
            raise k
        except KeyError as k2:
            return k2.__context__
print(reraise_same())

tb_depth = 0
try:
    def a(): b()
    def b(): c()
    def c(): raise RuntimeError("deep")
    a()
except RuntimeError as e:
    tb = e.__traceback__
    while tb is not None:
        tb_depth += 1
        tb = tb.tb_next
print("traceback entries:", tb_depth)
