# complex numbers: arithmetic, repr edge cases, parsing, comparisons and hashing.

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

zs = [1 + 2j, -1.5 - 2.25j, 1j, -1j, 0j, complex(0, -0.0), complex(-0.0, 1), complex(-0.0, -0.0), 1e20 + 1e-20j,
      complex(float('inf'), float('nan')), 3 + 0j, complex(1e16, 1)]
for z in zs:
    print(repr(z), str(z), z.real, z.imag, z.conjugate(), abs(z), bool(z), -z, +z)
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** -1, a ** 0, b ** 3, 2 * a, a + 1.5, 1 - a, a / 2)
print(1j ** 2, (1 + 1j) ** 4, abs(3 + 4j), 1j * 1j, (2 + 0j) ** 10, 1j ** 101)
show('a/0', lambda: a / 0)
show('0j**-1', lambda: 0j ** -1)
show('0j**1j', lambda: 0j ** 1j)
show('a//2', lambda: a // 2)
show('a%2', lambda: a % 2)
show('a<b', lambda: a < b)
show('abs(complex(1e308, 1e308))', lambda: abs(complex(1e308, 1e308)))
show('(1e200j)**2', lambda: (1e200j) ** 2)
print(a == 3 + 4j, 3 + 0j == 3, 3 + 0j == 3.0, 1j == 1, complex(2**53, 0) == 2**53 + 1, hash(3 + 0j) == hash(3))
print(hash(1 + 2j), hash(-1.5 - 2.25j), hash(1j), hash(complex(0.1, -2.5)))
for s in ['1+2j', '(1+2j)', ' ( 1+2j ) ', '3j', '-j', '+j', 'j', '1', '-1.5e3-2.5E-2j', 'inf+nanj', 'infj', '1_0j', '1e5j',
          '.5j', '+1.0-0j']:
    print(repr(s), complex(s))
for bad in ['1+', '1+2', 'j1', '', '()', '(1', '1+2jj', '1 + 2j', 'x', '1__0j']:
    show('complex(%r)' % bad, lambda: complex(bad))
print(complex(), complex(1), complex(1, 2), complex(1.5, -2), complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(True, False))
show("complex('1', 2)", lambda: complex('1', 2))
show("complex(1, '2')", lambda: complex(1, '2'))
show('complex(None)', lambda: complex(None))
show('complex(1, None)', lambda: complex(1, None))
print(complex(-0.0, -0.0), complex(0, -0.0), complex(real=1, imag=2))
print((1 + 2j).__add__(1), (1j).__rmul__(2), complex.__truediv__(1 + 1j, 1j), (2j).__pow__(2))
