# Metaclasses: __prepare__, keyword arguments, __new__/__init__, class decorators.
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], kw)
        return {"injected": True}
    def __new__(mcs, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.options = kw

class A(metaclass=Meta, flavour="vanilla"):
    x = 1
    def method(self):
        return __class__

print(A.injected, A.options, A().method() is A, type(A).__name__)

class B(A):
    pass
print(type(B).__name__, B.options)

def register(cls):
    cls.registered = True
    return cls

@register
class C:
    pass
print(C.registered)
try:
    class D(A, metaclass=type):
        pass
except TypeError as e:
    print("TypeError:", e)
