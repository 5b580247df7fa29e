# int arithmetic with Python's floor semantics, arbitrary precision and CPython's messages.

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (2**64 + 3, 10), (-(2**70), 3**20)]
for a, b in pairs:
    print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b), a / b)
print(2 ** 100, (-3) ** 41, 2 ** -2, 10 ** 20, 7 ** 0, 0 ** 0)
print(1 << 70, (1 << 70) >> 69, -1 >> 100, -5 >> 1, 5 << 0)
print(-12 & 10, -12 | 10, -12 ^ 10, ~0, ~-1, ~(2**65))
print(-(2**63), -(-(2**63)), abs(-(2**63)), +(2**63))
print(pow(2, 10, 1000), pow(3, -1, 7), pow(2**100, 2**100, 10**9 + 7), pow(5, 3, -7))
show('1//0', lambda: 1 // 0)
show('1%0', lambda: 1 % 0)
show('divmod(1,0)', lambda: divmod(1, 0))
show('1/0', lambda: 1 / 0)
show('0**-1', lambda: 0 ** -1)
show('1<<-1', lambda: 1 << -1)
show('pow(2,-1,4)', lambda: pow(2, -1, 4))
show('pow(2,3,0)', lambda: pow(2, 3, 0))
show('2**1024/1', lambda: 2 ** 1024 / 1)
show('float(2**1024)', lambda: float(2 ** 1024))
show("1+'a'", lambda: 1 + 'a')
show("'a'-1", lambda: 'a' - 1)
print(2**2000 / 2**1999, 10**30 / 3, (2**53 + 1) / 1, 1 / 2**1075)
print(2**53 + 1 > 2.0**53, 2**53 + 1 == 2.0**53 + 1, 10**400 > float('inf'), -10**400 < -1e308)
print(1 == 1.0, 1 == 1 + 0j, hash(1) == hash(1.0) == hash(1 + 0j), hash(-1), hash(2**61 - 1), hash(-2**61))
print(hash(2**100), hash(-(2**100)), hash(True), hash(0.5), hash(1.5), hash(-2.5), hash(1e300))
for v in [0, 1, -1, 255, 256, -256, 2**64, -(2**64) + 1]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.numerator, v.denominator, v.real, v.imag)
print((255).to_bytes(2, 'little'), (-1).to_bytes(2, 'big', signed=True), (1024).to_bytes(2))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\xff', 'little', signed=True), int.from_bytes([1, 2], 'big'))
show('(256).to_bytes(1, "big")', lambda: (256).to_bytes(1, 'big'))
show('(-1).to_bytes(1, "big")', lambda: (-1).to_bytes(1, 'big'))
for s in ['0', ' 12 ', '+5', '-0', '1_000', '0x1f', '0o17', '0b101', '٣', '\u2003 7 \u3000']:
    print(repr(s), int(s, 0) if s.strip().startswith('0') and len(s.strip()) > 1 else int(s))
for s, base in [('ff', 16), ('z', 36), ('0xff', 16), ('777', 8), ('0b11', 0), ('10', 2)]:
    print(s, base, int(s, base))
for bad in ['1__0', '_1', '1_', '12a', '', '0x', '017', '1.5']:
    show('int(%r)' % bad, lambda: int(bad) if bad != '017' else int(bad, 0))
show("int('10', 1)", lambda: int('10', 1))
show('int(1.5, 10)', lambda: int(1.5, 10))
show('int(None)', lambda: int(None))
show("int('9' * 5000)", lambda: int('9' * 5000))
show('str(10 ** 5000)', lambda: str(10 ** 5000))
print(len(str(10 ** 4299)), len(str(-10 ** 4299)), hex(10 ** 5000)[:10])
print(int(3.99), int(-3.99), int(1e20), int(True), int(b' 42 '), int(bytearray(b'7')))
show("int(float('nan'))", lambda: int(float('nan')))
show("int(float('inf'))", lambda: int(float('inf')))
print(round(12345, -2), round(12355, -1), round(-12355, -1), round(15, -1), round(25, -1), round(5, 2), round(7))
print(bin(10), oct(-8), hex(255), hex(-255), bin(0), hex(2**70))
t, f = True, False
print(t + t, t * 3, -t, ~t, t & f, t | f, t ^ t, f ** 0, t / 2, t & 1, f | 2)
print(repr(True), str(False), bool(0), bool(-1), bool(0.0), bool(''), bool('0'), int(True), float(False))
print(max(1, 2.5), min(-1, -1.0), sorted([3, 1.5, -2, 10**20, True]))
print(3 .__add__(4), (5).__rsub__(10), int.__mul__(6, 7), (7).__floordiv__(2), (1).__truediv__(4))
print((7).__add__(1.5), (3).conjugate(), (10).__round__(-1), (2**64).__index__(), (9).__trunc__())
