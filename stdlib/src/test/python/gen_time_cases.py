"""Generates ../resources/time_cases.txt from CPython with TZ=UTC (see MathTest for the format)."""
import os, time
assert time.timezone == 0
cases = []

def run(name, args):
    try:
        r = getattr(time, name)(*args)
        out = repr(r)
    except Exception as e:
        out = '!%s: %s' % (type(e).__name__, e)
    cases.append('%s\t%s\t%s' % (name, ';'.join(repr(a) for a in args), out))

stamps = [0, 1700000000, 951782400, -86400 * 365, 1234567890, 2**31, 946684799, 1104537600, 1230768000,
          1609459200, 1640995200, 1672531199]
fmts = ['%a %A %b %B %c', '%d %H %I %j %m %M %p %S', '%U %w %W %x %X %y %Y', '%e %G %g %V %u %C %D %F %T %R',
        '%h %k %l %s %%', '%Q %5Y %-d %_m %^a %#B', 'plain', '%', 'x%', '%Ez %Oy']
for s in stamps:
    t = tuple(time.gmtime(s))
    run('gmtime', (s,))
    run('asctime', (t,))
    for f in fmts:
        run('strftime', (f, t))
run('gmtime', (1.9,))
run('gmtime', (-0.5,))
run('gmtime', (float('nan'),))
run('gmtime', (1e20,))
run('mktime', ((2024, 3, 5, 10, 11, 12, 0, 0, 0),))
run('mktime', ((2024, 13, 35, 10, 11, 12, 0, 0, -1),))
run('mktime', ((1, 2, 3),))
run('mktime', ('x',))
run('strftime', ('%Y', (999, 1, 1, 0, 0, 0, 0, 1, 0)))
run('strftime', ('%Y|%y|%C', (5, 1, 1, 0, 0, 0, 0, 1, 0)))
for bad in [(2024,13,1,0,0,0,0,1,0), (2024,1,32,0,0,0,0,1,0), (2024,1,1,25,0,0,0,1,0), (2024,1,1,0,61,0,0,1,0),
            (2024,1,1,0,0,62,0,1,0), (2024,1,1,0,0,0,-2,1,0), (2024,1,1,0,0,0,0,367,0), (1,2,3),
            (2024,0,0,0,0,0,0,0,0), (2024,1,1,0,0,0,0,1,1.5)]:
    run('strftime', ('%Y-%m-%d %j', bad))
run('sleep', (-1,))
run('sleep', (float('nan'),))
run('sleep', ('x',))
run('sleep', (0,))
run('ctime', (0,))
run('ctime', (1700000000,))
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, '..', 'resources', 'time_cases.txt'), 'w') as f:
    f.write('\n'.join(cases) + '\n')
print(len(cases), 'cases')
