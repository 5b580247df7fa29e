a, b = c
a, *b = c
*a, b = c
a[1:2] = b
a[1:2:3] = b
a[::] = b
x = a[1:2], a[:], a[::2], a[x, y], a[1:2, 3]
del a[1:2], a[1:2:3]
a[1:2] += 1
a.b.c += 1
f(*a, *b, **c, **d)
f(a, b=1, **c)
o.m(*a)
o.m(a)(b)
[*a, *b]
{*a, *b}
{**a, 'b': 1, **c}
print(f'{a}', f'{a!s}', f'{a!a:>10}', f'x{a}y{b}z')
