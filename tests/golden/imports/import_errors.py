# Import errors and their messages.
def attempt(stmt):
    try:
        exec(stmt, {"__name__": "__main__"})
    except ImportError as e:
        print(type(e).__name__ + ":", e)
        print("  name:", e.name)

attempt("import no_such_module")
attempt("import mypkg.no_such")
attempt("from mypkg import no_such_name")
attempt("import mypkg.util.deeper")
attempt("from . import sibling")
attempt("import circ.a")
try:
    import mypkg.broken
except RuntimeError as e:
    print("RuntimeError:", e)
import sys
print("mypkg.broken" in sys.modules)
