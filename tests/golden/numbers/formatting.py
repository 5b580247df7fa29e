# format(), f-strings, str.format and printf-style % for numbers and strings.

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

n, x, s = 1234567, -1234.5678, 'héllo'
print(f'{n:,} {n:_} {n:08,} {n:+} {n: } {n:>12} {n:<12}| {n:^12}| {n:*^12} {n:=+12}')
print(f'{255:b} {255:o} {255:x} {255:X} {255:#b} {255:#o} {255:#x} {255:#X} {0xffffffff:_x} {255:#010x} {-255:#x}')
print(f'{65:c} {0x1F600:c} {10:5c}| {n:n} {n:d} {True:d} {True} {True:5}|')
print(f'{x} {x:.2f} {x:10.3f}| {x:e} {x:E} {x:g} {x:G} {x:%} {x:.1%} {x:,.2f} {x:_.1f} {x:012.2f} {x:+.3g}')
print(f'{0.0:g} {-0.0:g} {-0.0:z.1f} {-0.0001:z.2f} {1e16:} {1e16:.3} {1e-5:.0} {1234.5:.3} {0.1:.17} {2.5:.0f} {3.5:.0f}')
print(f'{float("inf"):f} {float("-inf"):e} {float("nan"):G} {float("inf"):010} {float("nan"):+}')
print(f'{1e100:.100g}'[:40], f'{0.1:.30f}', f'{5e-324:.20e}', f'{1.7976931348623157e308:.0f}'[:20])
print(f'{12345.5:012,.1f} {1234:09,} {1234:010,} {1234:07,} {-1234:09,} {1234:0=9,}')
print(f'{1+2j} {1+2j:10} {1+2j:<12}| {1+2j:+} {1+2j:.2f} {-1.5-2.25j:e} {2j:g} {1234567.5+0j:.3} {1+2j:#}')
print(f'{s} {s:10}| {s:>10} {s:^11}| {s:*<8} {s:.3} {s:10.2}| {"ab":05} {"ab":>05} {"😀x":😀^6}')
print(f'{n!r} {s!r} {s!a} {s!s:>8} {x!r:>12}')
w, p = 12, 3
print(f'{x:{w}.{p}f}|{x:>{w}}|{s:{"^"}{w}}|')
print('{} {} {}'.format(1, 'a', 2.5), '{1}{0}{1}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2), '{0[1]}{0[0]}'.format('ab'))
print('{:>8.3f}|{:^9}|{!r:<6}|{:,}'.format(3.14159, 'mid', 'r', 10**9), '{{literal}} {0}'.format('ok'))
print('{0.real}+{0.imag}j'.format(3 + 4j), '{:{}{}}'.format(5, '>', 4), '{x:{w}}'.format(x='y', w=3), 'a{}b'.format(''))
print('{0:%Y}'.format(2024) if False else '{0:05d}'.format(42), '{}'.format(True), '{:d}'.format(True))
for fmt, args in [('{', ()), ('}', ()), ('{0', (1,)), ('{0!x}', (1,)), ('{}{0}', (1, 2)), ('{0}{}', (1, 2)), ('{1}', (1,)),
                  ('{x}', (1,)), ('{0.}', (1,)), ('{:{:{}}}', (1, 2, 3)), ('{0:d}', ('a',)), ('{:abc}', (1,)), ('{0!r', (1,))]:
    show('%r.format%r' % (fmt, args), lambda: fmt.format(*args))
print('{x}-{y}'.format_map({'x': 1, 'y': 2}))
show("'{0}'.format_map({})", lambda: '{0}'.format_map({}))
for spec in [',_', ',,', '.', 'abc', '.2d', '+c', '#c', ',c', 'z', 's', 'q', '99999999999999999999']:
    show('format(1, %r)' % spec, lambda: format(1, spec))
for spec in [',', '+', '#', '=', 'z', 'd', ' ']:
    show('format("s", %r)' % spec, lambda: format('s', spec))
show("format(1.5, 'c')", lambda: format(1.5, 'c'))
show("format(1+2j, '=10')", lambda: format(1 + 2j, '=10'))
show("format(1+2j, '010')", lambda: format(1 + 2j, '010'))
show("format(0x110000, 'c')", lambda: format(0x110000, 'c'))
show("format(None, 'x')", lambda: format(None, 'x'))
print(format(None), format([1, 2]), format(3, ''), format('a'), format(2.5))
print('%s %r %a %d %i %u %o %x %X %e %E %f %F %g %G %c %%' % ('é', 'é', 'é', 42, -3, 7, 8, 255, 255, 1234.5, 1e-7, 2.5, 1e20, 0.0001234, 1e30, 65))
print('%5.2f|%-8.3e|%+d|% d|%05d|%#x|%#o|%X|%-5s|%5s|%.2s|%*d|%-*d|%0*d' % (3.14159, 12345.678, 5, 5, -42, 255, 8, 255, 'ab', 'ab', 'abc', 4, 7, 4, 7, 4, 7))
print('%(name)s is %(age)d' % {'name': 'Ann', 'age': 7}, '%s' % (1,), '%s' % [1, 2], '%d%%' % 50, '%c%c' % ('x', 0x1F600))
print('%.3g|%#.3g|%g|%g|%10.4s|%(a)s %(a)r' % (0.0001234, 1.0, 100000, 1000000, 'abcdefg', {'a': 'x'}) if False else '%.3g|%#.3g|%g|%g|%10.4s|' % (0.0001234, 1.0, 100000, 1000000, 'abcdefg'))
for fmt, args in [('%s %s', (1,)), ('%s', (1, 2)), ('%(a)s', 1), ('%', ()), ('%y', 1), ('%*d', ('a', 1)), ('%c', 'ab'),
                  ('%d', 'a'), ('%x', 3.0), ('%f', 'a'), ('%c', -1), ('%5%', (1,))]:
    show('%r %% %r' % (fmt, args), lambda: fmt % args)
print(b'%s %d %x %c %r %5b|' % (b'x', 5, 255, 65, 'é', b'ab'), bytearray(b'%s!') % b'hi')
