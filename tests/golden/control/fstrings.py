# f-strings and format(): conversions, specs, nested fields.
name, value = "pi", 3.14159
print(f"{name}={value:.2f} {name!r} {name!s} {'é'!a} {value!r:>10}")
width = 8
print(f"[{name:>{width}}] [{name:^{width}}] [{42:0{width}d}]")
print(f"{1000000:,} {255:#x} {0.5:%} {-3:+d} {7:b}")
class Money:
    def __init__(self, amount):
        self.amount = amount
    def __format__(self, spec):
        return f"${self.amount:{spec or '.2f'}}"
    def __repr__(self):
        return "Money()"
m = Money(12.5)
print(f"{m} {m:.0f} {m!r}", format(m, ".1f"))
print(f"{'nested {braces}'}", f"{{literal}}", f"{3 + 4}")
x = 10
print(f"{x=}", f"{x * 2 = }")
