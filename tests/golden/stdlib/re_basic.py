import re

for p in ['(', ')', '[a', 'a**', '*a', '\\q', '(?<x)', '(?P<1a>x)', '(?P=nope)', 'a{2,1}', '[z-a]',
          '(?P<n>a)(?P<n>b)', r'(a)\2', 'ab\n(c', '+']:
    try:
        re.compile(p)
        print(repr(p), 'ok')
    except re.error as e:
        print(repr(p), '->', e, '|', e.msg, e.pos)
print(re.sub('x*', '-', 'abxd'), re.split(r'\b', 'a b'), re.findall(r'\d*', 'a12b'), re.split('x*', 'axbc'))
print(repr(re.compile('a+', re.I | re.M)), repr(re.compile('a')), re.compile('a').flags, re.compile(b'a').flags)
m = re.search(r'(?P<w>\w+) (\d+)', 'hello 42 x')
print(m, m.groups(), m.groupdict(), m.span(2), m.lastindex, m.lastgroup, m[0], m['w'], m.group(1, 2), m.start(), m.end('w'))
print(re.escape('a.b*c d-e_f#'), re.sub(r'(\w+)@(\w+)', r'\2 at \1 \g<0>', 'me@host'), re.subn('a', 'b', 'aaa', count=2))
for bad in [lambda: re.sub('a', r'\q', 'a'), lambda: m.group(5), lambda: re.sub('(a)', r'\2', 'a'), lambda: m.group('zz')]:
    try:
        bad()
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
print(re.match(r'\d+', '123abc'), re.match(r'\d+', 'abc'), re.fullmatch(r'\w+', 'abc'), re.fullmatch(r'\w+', 'ab c'))
print(re.findall(r'(\w)(\d)', 'a1 b2 c3'), re.findall(r'a(b)?', 'a ab'), [m.span() for m in re.finditer(r'o', 'foo boo')])
print(re.split(r'[,;]\s*', 'a, b;c,   d'), re.split(r'(,)', 'a,b,c'), re.split(',', 'a,b,c', maxsplit=1))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c9'), re.sub('(?i)HELLO', 'bye', 'Hello hello'))
p = re.compile(r'''
    (?P<year>\d{4})  # year
    -(?P<month>\d{2})  # month
''', re.VERBOSE)
print(p.match('2024-03').groupdict(), p.groups, p.groupindex, p.pattern.count('\n'))
print(re.search(r'^b', 'a\nb'), re.search(r'^b', 'a\nb', re.M).span(), re.search(r'a.b', 'a\nb'), re.search(r'a.b', 'a\nb', re.S).span())
print(re.search(r'end$', 'the end\n').span(), re.search(r'end\Z', 'the end\n'), re.search(r'\Aab', 'ab').span())
print(re.findall(r'\bfoo\b', 'foo foobar (foo)'), re.findall(r'[^\W\d_]+', 'héllo wörld 42'), re.findall(r'[a-c]+', 'xabcbay'))
print(re.compile(r'o').search('hello world', 5).span(), re.compile(r'^w').match('hello world', 6), re.compile(r'd$').search('hello world', 0, 8))
print(re.sub(r'(?P<first>\w+) (?P<last>\w+)', r'\g<last>, \g<first>', 'John Smith'), re.sub('a', r'\n', 'bab') == 'b\nb')
print(re.findall(rb'\d+', b'a12b345'), re.sub(rb'a', b'x', b'banana'), re.match(b'(b)', b'bb').group(1))
print(re.search(r'(a)|(b)', 'b').groups(), re.search(r'(a)|(b)', 'b').groups('-'), re.search(r'((a)b)', 'ab').lastindex)
print(re.findall(r'\s+', 'a \t\nb'), re.findall(r'[\s\d]', 'a 1'), re.findall(r'x{2,}', 'x xx xxx'), re.findall(r'a{,2}', 'aaa'))
print(re.search(r'(?<=-)\w+', 'spam-egg').group(0), re.findall(r'\w+(?=!)', 'hi! yo ok!'), re.search(r'(?<!a)b', 'abcb').span())
print(re.match(r'(?:ab)+', 'ababx').group(), re.match(r'a*?b', 'aaab').group(), re.findall(r'<.*?>', '<a><b>'))
print(re.compile('x') == re.compile('x'), re.purge(), re.split(r'\d', 'a1b2c3'), re.findall('', 'ab'))
try:
    re.search('a', 5)
except TypeError as e:
    print('TypeError', e)
