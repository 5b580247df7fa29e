"""Expectations for float: python3 gen_float.py writes float.txt."""
import random
import struct
from pycases import emit

random.seed(99)
inf, nan = float('inf'), float('nan')
vals = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 1e16, 1e15, 1e-5, 1e-4, 123456789.0, 1.5e300, 5e-324,
        1.7976931348623157e308, 2.2250738585072014e-308, inf, -inf, nan, 3.0, -7.25, 1e22, 1e23, 2e23, 9.999999999999999e22,
        0.3, 2.675, 1 / 3, 100.0, 1234567.0, 12345678901234567890.0, 4.35, 8.5, -0.5]
cases = []
for v in vals:
    if v == v:
        cases.append(('hash', v))
    cases += [('repr', v), ('str', v), ('un', '-', v), ('un', 'abs', v), ('un', 'bool', v), ('un', 'int', v),
              ('meth', 'is_integer', v), ('meth', 'as_integer_ratio', v), ('meth', 'hex', v), ('meth', 'conjugate', v),
              ('meth', '__trunc__', v), ('meth', '__floor__', v), ('meth', '__ceil__', v), ('round', v)]
    for n in [0, 1, 2, 3, -1, -2, 5, 17, 400, -400, -308, 323]:
        cases.append(('round', v, n))
# random doubles: repr must be the shortest round-trip string
for _ in range(400):
    bits = random.getrandbits(64)
    d = struct.unpack('<d', struct.pack('<Q', bits))[0]
    cases += [('repr', d)] + ([('hash', d)] if d == d else [])
for _ in range(200):
    d = random.uniform(-1e6, 1e6) * 10 ** random.randint(-30, 30)
    cases += [('repr', d), ('round', d, random.randint(-5, 10))]
for _ in range(200):
    cases.append(('repr', float(random.randint(1, 9)) * 10.0 ** random.randint(-320, 308)))
ops = ['+', '-', '*', '/', '//', '%', '**', '<', '<=', '==', '!=', '>', '>=']
small = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, -2.5, 3.0, 1e308, inf, -inf, nan, 7, -7, 0, 2**53 + 1, 10**400, 1e-320, -8.0]
for a in small:
    for b in small:
        for op in ops:
            if isinstance(a, int) and isinstance(b, int):
                continue
            if op == '**' and isinstance(b, int) and abs(b) > 10**6:
                continue
            if op == '**' and isinstance(a, (int, float)) and a < 0 and isinstance(b, float) and b == b and abs(b) != inf and b != int(b):
                continue  # complex result through libm: see ComplexTest
            cases.append(('bin', op, a, b))
cases += [('bin', '**', -8.0, 1 / 3), ('bin', '**', -8, 1 / 3), ('bin', '**', -2.0, 0.5), ('bin', '**', 10.0, 400),
          ('bin', '**', 10.0, -400), ('bin', '**', 2.0, 1024), ('bin', '**', 2.0, 1023), ('bin', '**', -2.0, 1025),
          ('bin', '**', 0.0, -1.5), ('bin', '**', -0.0, 3.0), ('bin', '**', -0.0, -3.0), ('bin', '**', 1.0, nan),
          ('bin', '**', nan, 0.0), ('bin', '**', -1.0, inf), ('bin', '**', 0.5, -inf), ('bin', '**', 1.5, 2.5),
          ('bin', '//', 1.0, 0.1), ('bin', '%', 1.0, 0.1), ('bin', '%', -1e-100, 1.0), ('bin', '//', -1e-100, 1.0),
          ('bin', '%', 5.0, -3.0), ('bin', '//', 5.0, -3.0), ('bin', '+', 1.0, 'a'), ('bin', '*', 'a', 2.0),
          ('bin', '@', 1.0, 2.0) if False else ('bin', '-', 1.0, None)]
for a, b in [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (0.0, -1.0), (-0.0, 1.0), (1.0, 0.0), (inf, 1.0), (1.0, inf), (nan, 1.0),
             (1e308, 1e-308), (5, 0.5)]:
    cases.append(('divmod', a, b))
# float() parsing
for s in ['1.5', ' 1_000.5 ', '1__0.5', '_1.0', '1.0_', '1._5', '.5', '5.', '.', 'e5', '1e5', '1E-5', '1e+5', '1e', '1e_5',
          '1_0e1_0', 'inf', '-inf', '+Infinity', 'iNfInItY', 'nan', '-nan', 'NaN', 'infinit', 'x', '', '   ', '0x1p3',
          '1d', '1f', '١٫٥', '١.٥', '\u2003 2.5\u3000', '1e400', '-1e400', '1e-400', '2.5e-324', '4.9406564584124654e-324',
          '9007199254740993', '0.1000000000000000055511151231257827', '1' * 400, '+-1', '--1', '1.5j', b'1.5', bytearray(b' 2 '),
          b'x']:
    cases.append(('new', 'float', s))
for v in [7, -0, 2**1024, True, None, [1], 2**53 + 1, 1.5]:
    cases.append(('new', 'float', v))
cases += [('new', 'float'), ('new', 'float', 1, 2)]
for s in ['0x1.8p3', '-0x1p-1074', '0x1p-1075', '0x1.0000000000001p-1075', '0x1p2000', 'zz', '  0X1.fP+1  ', 'inf', '-Infinity',
          'nan', '0x.8', '1.8p3', '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7p1023', '0x1p', '0x1p+', '']:
    cases.append(('cls', 'float', 'fromhex', s))
cases += [('meth', 'fromhex', 0.0, c[3]) for c in cases if c[0] == 'cls']
emit('float.txt', [c for c in cases if c[0] != 'cls'])
print(len(cases))
