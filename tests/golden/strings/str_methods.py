# str methods with CPython's results and error messages.

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

s = '  Hello, World! Hello!  '
print(s.strip(), s.lstrip(), s.rstrip(), s.strip(' !H'), s.split(), s.split(','), s.split('Hello'), s.rsplit(None, 1))
print(s.split(None, 1), 'a,b,,c'.split(','), 'a,b,,c'.split(',', 1), 'a,b,,c'.rsplit(',', 1), ''.split(), ''.split(','))
print(s.find('Hello'), s.rfind('Hello'), s.find('x'), s.index('World'), s.count('l'), s.count(''), s.count('l', 5, 12))
print(s.startswith('  H'), s.endswith(('!', 'x')), s.startswith('Hello', 2), s.endswith('!', 0, 15))
print(s.replace('Hello', 'Bye'), s.replace('l', 'L', 2), 'abc'.replace('', '-'), 'abc'.replace('', '-', 2))
print(s.upper(), s.lower(), s.swapcase(), s.title(), 'hELLO wORLD'.capitalize(), "they're bill's 1st".title())
print('ß'.upper(), 'ß'.casefold(), 'ΑΣ'.lower(), 'ΑΣ'.casefold(), 'ǆa'.title(), 'ﬁx'.upper(), 'İ'.lower())
print('abc'.center(9, '*'), 'abc'.ljust(6, '.'), 'abc'.rjust(6), '-42'.zfill(6), '+4'.zfill(4), 'a'.center(4), 'ab'.center(5))
print('a\tb\tc'.expandtabs(), 'a\tb\n\tc'.expandtabs(4), 'x\r\ny\nz\x0bw\x1cq'.splitlines(), 'x\r\ny\n'.splitlines(True))
print('a.b.c'.partition('.'), 'a.b.c'.rpartition('.'), 'abc'.partition('x'), 'abc'.rpartition('x'))
print('-'.join(['a', 'b', 'c']), ''.join(('x', 'y')), ', '.join('abc'), ' '.join(str(i) for i in range(5)))
print('prefix_name'.removeprefix('prefix_'), 'name.py'.removesuffix('.py'), 'abc'.removeprefix('x'))
for t in ['123', '١٢٣', '½', '²', 'abc', 'aBc', 'ABC', 'Abc Def', 'a1', '', ' \t\n', '\u00a0', 'a_b', '1a', 'def', 'é', 'a\n', '一']:
    print(repr(t), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(),
          t.islower(), t.istitle(), t.isidentifier(), t.isprintable(), t.isascii())
table = str.maketrans('abc', 'xyz', 'd')
print(table, 'abcdd'.translate(table), 'hello'.translate({ord('l'): None, ord('o'): '0'}), str.maketrans({'a': 'b'}))
print('abc' + 'def', 'ab' * 3, 3 * 'ab', 'ab' * 0, 'ab' * -2, 'b' in 'abc', '' in 'abc', 'abc' < 'abd', 'B' < 'a', 'abc' == 'abc')
print('hello'[1], 'hello'[-1], 'hello'[1:3], 'hello'[::-1], 'hello'[::2], 'hello'[10:], 'hello'[-100:2], 'hello'[3:1])
print(len('hello'), list('abc'), sorted('cba'), max('hello'), min('hello'), 'hello'.encode(), str(b'abc'), str(b'abc', 'ascii'))
for label, f in [("'a' + 1", lambda: 'a' + 1), ("'a' * 2.5", lambda: 'a' * 2.5), ("1 in 'a'", lambda: 1 in 'a'),
                 ("'abc'[5]", lambda: 'abc'[5]), ("'abc'['x']", lambda: 'abc'[str('x')]), ("'a' < 1", lambda: 'a' < 1),
                 ("','.join(['a', 1])", lambda: ','.join(['a', 1])), ("','.join(5)", lambda: ','.join(5)),
                 ("'abc'.index('d')", lambda: 'abc'.index('d')), ("'abc'.split('')", lambda: 'abc'.split('')),
                 ("'a'.strip(1)", lambda: 'a'.strip(1)), ("'a'.center(3, 'xy')", lambda: 'a'.center(3, 'xy')),
                 ("'abc'.startswith(1)", lambda: 'abc'.startswith(1)), ("'a'.find(1)", lambda: 'a'.find(1)),
                 ("'x'.removeprefix(1)", lambda: 'x'.removeprefix(1)), ("str.maketrans('ab', 'x')", lambda: str.maketrans('ab', 'x')),
                 ("'abc'.translate({97: 1.5})", lambda: 'abc'.translate({97: 1.5})), ("'ab' * 2**70", lambda: 'ab' * 2 ** 70),
                 ("str(b'x', 'nope')", lambda: str(b'x', 'nope')), ("str('x', 'utf-8')", lambda: str('x', 'utf-8')),
                 ("'abc'.replace(1, 2)", lambda: 'abc'.replace(1, 2)), ("'{'.format()", lambda: '{'.format())]:
    show(label, f)
print(str(), str(5), str(1.5), str(None), str([1, 'a']), repr('it\'s'), repr("say \"hi\""), repr('both \' "'), ascii('é€'))
x = 'interned'
print('abc'.__len__(), 'abc'.__contains__('b'), 'ab'.__add__('c'), 'ab'.__mul__(2), 'ab'.__rmul__(2))
print('%s|%5s|%-5s|%.1s' % ('a', 'b', 'c', 'de'), 'x'.__mod__(()), 'abc'.__getitem__(1), 'abc'.__eq__(1), 'a'.__lt__('b'))
