# User-defined exceptions: args, str, repr, attributes, hierarchy.
class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(code, message)
        self.code = code
        self.message = message
    def __str__(self):
        return f"[{self.code}] {self.message}"

class NotFound(AppError):
    pass

try:
    raise NotFound(404, "no such page")
except AppError as e:
    print(type(e).__name__, e, e.args, e.code, isinstance(e, Exception))
    print(repr(e))

e = ValueError("a", 1)
print(e.args, str(e), repr(e), repr(ValueError()), str(ValueError()))
print(issubclass(NotFound, AppError), NotFound.__mro__[1].__name__)
try:
    raise NotFound
except TypeError as t:
    print("TypeError:", t)
