# float repr/str (shortest round-trip), arithmetic, rounding, parsing and conversions.

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

for x in [0.0, -0.0, 1.0, 0.1, 0.2 + 0.1, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345.0, 1e-4, 1e-5, 5e-324,
          1.7976931348623157e308, 2.2250738585072014e-308, 1e22, 1e23, 2e23, 123456789.125, 3.14159265358979,
          float('inf'), float('-inf'), float('nan'), 100.0, 1.5e300, -2.5e-300, 4.35, 0.3]:
    print(repr(x), str(x), x.hex(), x.is_integer() if x == x and abs(x) != float('inf') else '-')
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(-7.5, 2), 5.0 % -3.0, -1e-100 % 1.0, 1.0 // 0.1, 1.0 % 0.1)
print(2.0 ** 0.5, (-8.0) ** 3, 10.0 ** -2, 0.0 ** 0, (-0.0) ** 3, 1.0 ** float('nan'), float('inf') ** -1, 2 ** 0.5)
print((-8) ** (1 / 3) == (-8) ** (1 / 3), type((-8) ** 0.5).__name__, type((-8.0) ** 2).__name__)
show('1.0/0', lambda: 1.0 / 0)
show('1.0//0', lambda: 1.0 // 0)
show('1.0%0', lambda: 1.0 % 0)
show('divmod(1.0, 0)', lambda: divmod(1.0, 0))
show('10.0**400', lambda: 10.0 ** 400)
show('0.0**-1', lambda: 0.0 ** -1)
show("1.5+'a'", lambda: 1.5 + 'a')
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, float('inf') - float('inf'))
for x in [2.5, 3.5, -2.5, 0.5, 1.5, 2.675, 0.125, 1234.5678, -0.4, 1e20, 5e-324]:
    print(x, round(x), round(x, 1), round(x, 2), round(x, -1), round(x, 0))
show('round(1.7976931348623157e308, -308)', lambda: round(1.7976931348623157e308, -308))
show("round(float('nan'))", lambda: round(float('nan')))
show("round(float('inf'))", lambda: round(float('inf')))
print(round(float('inf'), 2), round(float('nan'), 2), round(1.5, 400), round(1.5, -400))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), int(-2.5), int(2.9999), (2.5).__floor__(), (2.5).__ceil__())
for s in ['1.5', ' 1_000.5 ', '.5', '5.', '1e5', '1E-5', 'inf', '-Infinity', 'nan', '  -0.0  ', '1e400', '-1e400', '1e-400',
          '١٫٥' if False else '١.٥', '9007199254740993', '0.1000000000000000055511151231257827']:
    print(repr(s), float(s))
for bad in ['1__0', '_1.0', '1.0_', '.', 'e5', '1e', '', 'x', '0x1p3', '1d', '+-1', '1.5j']:
    show('float(%r)' % bad, lambda: float(bad))
print(float(7), float(-0), float(True), float(2**53 + 1), float(b'1.5'), float(bytearray(b' 2 ')))
show('float(None)', lambda: float(None))
show('float(2**1024)', lambda: float(2 ** 1024))
print(float.fromhex('0x1.8p3'), float.fromhex('-0x1p-1074'), float.fromhex('  0X1.fP+1  '), float.fromhex('inf'))
show("float.fromhex('0x1p2000')", lambda: float.fromhex('0x1p2000'))
show("float.fromhex('zz')", lambda: float.fromhex('zz'))
for x in [0.5, 0.1, -2.75, 1e20, 3.0]:
    print(x, x.as_integer_ratio(), x.conjugate(), x.real, x.imag, hash(x))
show("float('nan').as_integer_ratio()", lambda: float('nan').as_integer_ratio())
show("float('inf').as_integer_ratio()", lambda: float('inf').as_integer_ratio())
print(0.1 + 0.2 == 0.3, 1e16 + 1 == 1e16, 2.0 ** 53 + 1 == 2 ** 53 + 1, float('nan') == float('nan'), 1.0 == True)
print(sorted([3.5, -1, 2, float('inf'), -0.0, 0]), max(1.5, 2), min(-0.0, 0.0), abs(-0.0), -(0.0))
print(sum([0.5, 0.25, 0.125]), 3 * 0.1, 0.1 * 3, 1.1 * 1.1, 100 * 1.1, 1 - 0.9)
print(1.5.__add__(1), (2.0).__rsub__(5), float.__mul__(1.5, 2.0), (1.5).__radd__('x'))
