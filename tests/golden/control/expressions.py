# Arithmetic, comparison chains, boolean logic, conditional expressions, big ints.
print(7 // 2, -7 // 2, 7 % -3, 2 ** 10, 2 ** -1, 7 / 2)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, "a" < "b" <= "b")
print(0 or "default", "x" and "y", not [], None is None)
print(10 ** 20, (10 ** 20) // 7, -(2 ** 63), 2 ** 64 - 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 3037000500 * 3037000500)
print(0.1 + 0.2, 1e300 * 10, 5 if 2 > 1 else 6)
print(~5, 5 ^ 3, 5 & 3, 5 | 3, 1 << 70, -1 >> 3)
print(abs(-3), divmod(-7, 2), round(2.5), round(3.5), int("42") + 1)
x = 5
x += 1; x *= 2; x -= 3; x //= 2; x **= 2
print(x)
s = "ab"
s *= 3
print(s, [0] * 3, (1,) + (2,))
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    [] < 1
except TypeError as e:
    print(e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1 % 0
except ZeroDivisionError as e:
    print(e)
