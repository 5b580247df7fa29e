"""Generates ../resources/math_cases.txt from CPython: one case per line,
   name<TAB>arg1;arg2;...<TAB>expected  where args and expected are Python reprs and an
   expected value starting with ! is 'ExceptionType: message'."""
import math, random

random.seed(12345)
vals = [0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 0.1, 3.7, -2.5, 10.0, 100.0, 1e-10, 1e10, 710.0, -710.0,
        1e300, 5e-324, float('inf'), float('-inf'), float('nan'), 0.9999, 1.5, -0.5, 20.0, 171.5, 172.0,
        -3.5, 1e-300, 30.0, 6.5, 27.0, -7.0, 0.25]
vals += [random.uniform(-10, 10) for _ in range(12)] + [random.uniform(0, 3) for _ in range(6)]
unary = ['acos', 'asin', 'atan', 'acosh', 'asinh', 'atanh', 'cos', 'sin', 'tan', 'cosh', 'sinh', 'tanh',
         'exp', 'expm1', 'cbrt', 'fabs', 'sqrt', 'log1p', 'erf', 'erfc', 'gamma', 'lgamma', 'degrees',
         'radians', 'isfinite', 'isinf', 'isnan', 'floor', 'ceil', 'trunc', 'log', 'log2', 'log10',
         'frexp', 'modf', 'ulp']
if hasattr(math, 'exp2'):
    unary.append('exp2')
binary = ['copysign', 'atan2', 'fmod', 'remainder', 'pow', 'hypot', 'nextafter', 'log', 'isclose']
cases = []

def run(name, args):
    try:
        r = getattr(math, name)(*args)
        out = repr(r)
    except Exception as e:
        out = '!%s: %s' % (type(e).__name__, e)
    cases.append('%s\t%s\t%s' % (name, ';'.join(repr(a) for a in args), out))

for f in unary:
    for v in vals:
        run(f, (v,))
small = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, -2.5, 3.0, float('inf'), float('-inf'), float('nan'), 1e308, 10.0]
for f in binary:
    for a in small:
        for b in small:
            run(f, (a, b))
ints = [0, 1, 5, 10, 20, 100, 2**70, -3]
for n in ints:
    run('factorial', (n,))
    run('isqrt', (n,))
    run('log', (n,))
    run('log2', (n,))
    run('log10', (n,))
    for k in [0, 2, 5, 30, -1]:
        run('comb', (n, k))
        run('perm', (n, k))
        run('gcd', (n, k))
        run('lcm', (n, k))
for n in [10**400, 2**3000]:
    run('log', (n,))
    run('log2', (n,))
    run('log10', (n,))
    run('log', (n, 10))
for v in [1.5, 2**60 + 0.0]:
    run('factorial', (v,))
run('ldexp', (1.0, 1024))
run('ldexp', (1.0, -1075))
run('ldexp', (0.75, 3))
run('ldexp', (1.0, 2**80))
run('gcd', (12, 18, 27))
run('lcm', (4, 6, 10))
run('hypot', (3.0, 4.0, 12.0))
run('hypot', ())
run('dist', ((1.0, 2.0), (4.0, 6.0)))
run('dist', ((1.0,), (4.0, 6.0)))
run('fsum', ([0.1] * 10,))
run('fsum', ([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50],))
run('fsum', ([float('inf'), float('-inf')],))
run('fsum', ([1e308, 1e308],))
run('fsum', ([],))
run('prod', ([1, 2, 3, 4],))
run('prod', ([1.5, 2.0],))
run('isqrt', (10**40 + 123,))
run('comb', (100, 50))
run('trunc', (-3.7,))
run('floor', (-3.5,))
run('ceil', (1e20,))
run('floor', (float('inf'),))
run('floor', (float('nan'),))
run('floor', (True,))
run('sqrt', (10**400,))
run('log', (0,))
run('log', (10, 1))
run('isclose', (1.0, 1.0 + 1e-10))
run('isclose', (1.0, 1.1))
for v in [1.0, 2.0, 3.0, 0.5, 5.0, 23.0, 24.0, 0.001, -0.001, 100.25, -100.25, 171.0, -171.5, -200.5]:
    run('gamma', (v,))
    run('lgamma', (v,))
for v in [0.3, 1.2, 2.7, 5.5, 6.1, 8.0, 15.0, 26.5, -0.3, -1.9, -5.0, -6.5]:
    run('erf', (v,))
    run('erfc', (v,))

import os
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, '..', 'resources', 'math_cases.txt'), 'w') as f:
    f.write('\n'.join(cases) + '\n')
print(len(cases), 'cases')
