"""Expectations for int and bool: python3 gen_int.py writes int.txt."""
import random
from pycases import emit

random.seed(1234)
vals = [0, 1, -1, 2, -3, 7, -7, 256, -6, 2**31, 2**53 + 1, 2**62, 2**63 - 1,
        -2**63, 2**63, -2**63 - 1, 2**64, -10**20, 3**50, 2**100 + 12345]
ops = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '<', '<=', '==', '!=', '>', '>=']
cases = []
small = [0, 1, -1, 2, -3, 5, 7, -7, 13, 63, 64, 65, 100]
for a in vals:
    for b in vals:
        for op in ['+', '-', '*', '//', '%', '&', '|', '^', '<', '/']:
            cases.append(('bin', op, a, b))
    for b in small:
        for op in ['**', '<<', '>>']:
            if op == '**' and abs(a) > 2**64 and b > 20:
                continue
            cases.append(('bin', op, a, b))
for _ in range(120):
    a = random.randint(-2**70, 2**70) >> random.randint(0, 70)
    b = random.randint(-2**70, 2**70) >> random.randint(0, 70)
    for op in ['+', '-', '*', '//', '%', '/', '&', '|', '^', '<']:
        cases.append(('bin', op, a, b))
# mixed int/float and int/complex, and errors
for a in [0, 1, -3, 2**53 + 1, 2**1024, True]:
    for b in [0.0, 1.5, -2.0, float('inf'), float('nan'), 9007199254740992.0, 1e308, 1j]:
        for op in ['+', '-', '*', '/', '//', '%', '**', '<', '<=', '==', '!=', '>', '>=']:
            cases.append(('bin', op, a, b))
            cases.append(('bin', op, b, a))
for a, b in [(1, 'a'), ('a', 1), (1, None), (None, 1)]:
    for op in ['+', '-', '*', '/', '//', '%', '**', '<<', '&', '<']:
        cases.append(('bin', op, a, b))
cases += [('bin', '**', 0, -1), ('bin', '**', 2, -2), ('bin', '**', -2, -3), ('bin', '**', 10, -400),
          ('bin', '**', 2, 10000), ('bin', '<<', 1, -1), ('bin', '>>', 1, -1), ('bin', '>>', -1, 1000),
          ('bin', '>>', -(2**100), 2**70), ('bin', '<<', 0, 2**70), ('bin', '/', 2**1024, 1),
          ('bin', '/', 2**2000, 2**999), ('bin', '/', 1, 2**2000), ('bin', '/', -(10**400), 7 * 10**390),
          ('bin', '/', 2**1074, 2**2148), ('bin', '/', 1, 2**1075), ('bin', '/', 3, 2**1076),
          ('bin', '/', 10**30 + 1, 3), ('bin', '/', 0, -5)]
for v in vals + [True, False]:
    for op in ['-', '+', '~', 'abs', 'bool', 'float']:
        cases.append(('un', op, v))
    cases += [('repr', v), ('str', v), ('hash', v)]
    for m in ['bit_length', 'bit_count', 'as_integer_ratio', 'conjugate', '__trunc__', '__floor__', '__ceil__']:
        cases.append(('meth', m, v))
cases += [('un', 'float', 2**1024), ('un', 'float', 2**1024 - 2**970), ('un', 'float', 2**1024 - 2**971),
          ('un', 'float', 2**53 + 1), ('un', 'float', 2**53 + 3)]
# bool arithmetic
for a in [True, False]:
    for b in [True, False, 1, 2]:
        for op in ['&', '|', '^', '+', '-', '*', '<<', '==']:
            cases.append(('bin', op, a, b))
# pow with modulus
for a, b, m in [(2, 10, 1000), (2, -1, 5), (2, -1, 4), (3, -2, 7), (2, 3, 0), (2, 3, -5), (-2, 3, 5), (3, -1, -7),
                (2**100, 2**100, 10**9 + 7), (0, 0, 1), (5, 0, 1), (2, 3, 1.5), (2.0, 3, 5), (7, 2**64 + 1, 2**61 - 1)]:
    cases.append(('pow3', a, b, m))
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (1, 0), (2**70, 3), (-2**70, 7), (-2**63, -1), (7, 2.5),
             (7.5, 2), (-7.5, 2), (1.0, 0.0), (1.0, 0), (5, 0.0), (float('inf'), 2), (3, float('inf')), (-3, float('inf'))]:
    cases.append(('divmod', a, b))
for x, n in [(12345, -2), (12355, -1), (-12355, -1), (15, -1), (25, -1), (-25, -1), (5, 0), (5, 3), (123, -10),
             (2**70 + 5 * 10**5, -6), (0, -1)]:
    cases.append(('round', x, n))
cases += [('round', 7), ('round', True)]
# int() parsing
for s in ['0', '-0', ' 12 ', '+5', '1_000', '1__0', '_1', '1_', '0x1f', '0X1F', '0o17', '0b101', '017', '0', '00',
          '0_0', '0x', '0b2', '12a', '', ' ', '١٢٣', '9' * 30, '-' + '9' * 30, '1' * 4300, '1' * 4301,
          '1_' * 2500 + '1', '\u2003 7 \u3000', '++1', '- 1', '1.5', 'inf', '0x_1f']:
    cases.append(('new', 'int', s))
    cases.append(('new', 'int', s, 0))
for s, b in [('ff', 16), ('FF', 16), ('0xff', 16), ('0b11', 16), ('z', 36), ('Z', 36), ('10', 2), ('12', 2), ('777', 8),
             ('0o777', 8), ('0x1f', 0), ('0b1', 0), ('0o7', 0), ('10', 1), ('10', 37), ('10', -1), ('11', 3), ('  -0x_f ', 0),
             (b'12', 10), (bytearray(b'0x10'), 0), (12, 10), (1.5, 10)]:
    cases.append(('new', 'int', s, b))
for v in [3.7, -3.7, 1e20, -0.0, float('nan'), float('inf'), True, b'42', bytearray(b' 7 '), b'4.2', None, [1], 2**80]:
    cases.append(('new', 'int', v))
cases += [('new', 'int'), ('new', 'bool'), ('new', 'bool', 0), ('new', 'bool', 'x'), ('new', 'bool', ''),
          ('new', 'bool', 0.0), ('new', 'bool', 1, 2)]
# to_bytes / from_bytes
for v, args in [(255, (2, 'little')), (255, (2, 'big')), (-1, (2, 'big', )), (1024, ()), (256, (1, 'big')),
                (-129, (1, 'little')), (0, (0, 'big')), (1, (0, 'big')), (2**64, (9, 'big')), (5, (-1, 'big')),
                (5, (2, 'middle'))]:
    cases.append(('meth', 'to_bytes', v) + args)
cases += [('kw', 'to_bytes', -1, (2, 'big'), {'signed': True}), ('kw', 'to_bytes', -129, (1, 'little'), {'signed': True}),
          ('kw', 'to_bytes', 127, (1,), {'byteorder': 'little', 'signed': True}),
          ('kw', 'to_bytes', 128, (1, 'big'), {'signed': True}), ('kw', 'to_bytes', -128, (1, 'big'), {'signed': True})]
emit('int.txt', cases)
print(len(cases), 'cases')
