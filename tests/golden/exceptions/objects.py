# Exception objects: args, str/repr, attributes of the exception families, chaining, notes.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for e in [ValueError(), ValueError("x"), ValueError("x", 2), KeyError("k"), KeyError(), KeyError(1, 2)]:
    print(repr(e), "|", str(e), "|", e.args)

class MyError(Exception):
    def __init__(self, code, detail):
        self.code = code
        self.detail = detail
err = MyError(404, "missing")
print(err.args, err.code, err.detail, repr(err), str(err), err.__dict__)

class Pretty(ValueError):
    def __str__(self):
        return f"pretty: {self.args[0]}"
try:
    raise Pretty("boom")
except ValueError as e:
    print(e, repr(e), isinstance(e, Pretty))

e = OSError(2, "No such file or directory", "data.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.args, str(e))
print(type(OSError(13, "Permission denied")).__name__, type(OSError(17, "x")).__name__, type(OSError(99999, "x")).__name__)
print(str(OSError(1, "a", "f", None, "g")), str(OSError("plain")), OSError("plain").errno)
try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.filename)

print(StopIteration(7).value, StopIteration().value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
ie = ImportError("cannot import", name="mod", path="/p")
print(ie.msg, ie.name, ie.path, str(ie), repr(ie))
ne = NameError("name 'x' is not defined", name="x")
print(ne.name, ne)
ae = AttributeError("no", name="attr", obj=5)
print(ae.name, ae.obj)
try:
    (1).nope
except AttributeError as e:
    print(e.name, e.obj, e)
se = SyntaxError("invalid syntax", ("/a/b/prog.py", 3, 5, "x = = 1\n", 3, 6))
print(str(se), se.msg, se.filename, se.lineno, se.offset, repr(se.text), se.end_lineno, se.end_offset)
print(str(SyntaxError("m", ("f.py", None, None, None))), str(SyntaxError("m")))
ue = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(ue, ue.encoding, ue.object, ue.start, ue.end, ue.reason)
print(UnicodeEncodeError("ascii", "héllo", 1, 3, "ordinal not in range(128)"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e)

show(lambda: ValueError(x=1))
show(lambda: ImportError("m", foo=1))
show(lambda: SyntaxError("m", (1, 2)))
e = ValueError("v")
show(lambda: setattr(e, "__cause__", 1))
show(lambda: setattr(e, "__context__", "x"))
show(lambda: setattr(e, "__traceback__", 1))
show(lambda: e.add_note(3))
e.add_note("first note")
e.add_note("second")
print(e.__notes__)
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
e.__cause__ = KeyError("k")
print(repr(e.__cause__), e.__suppress_context__)
e.args = ("new", 1)
print(e.args, e)
print(e.with_traceback(None) is e)

def chain():
    try:
        {}["missing"]
    except KeyError as inner:
        raise RuntimeError("wrapped") from inner
try:
    chain()
except RuntimeError as outer:
    print(repr(outer), repr(outer.__cause__), repr(outer.__context__), outer.__suppress_context__)

def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during")
try:
    implicit()
except ValueError as v:
    print(repr(v.__context__), v.__cause__, v.__suppress_context__, v.__traceback__ is not None)

print(issubclass(FileNotFoundError, OSError), issubclass(IOError, Exception), IOError is OSError, EnvironmentError)
print(KeyError.__mro__)
class E1(ValueError, KeyError): pass
print([c.__name__ for c in E1.__mro__])
try:
    class E2(OSError, ImportError): pass
except TypeError as e:
    print("TypeError:", e)
