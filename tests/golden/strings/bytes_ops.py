# bytes and bytearray: literals, repr, indexing, methods, mutation, conversions.

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

b = b'Hello, \x00\xff "World"'
print(b, repr(b), len(b), b[0], b[-1], b[1:5], b[::-1], list(b[:3]), b.hex(), b.hex(':', 4), bytes.fromhex('de ad be ef'))
print(b"it's", b'say "hi"', b'both \' "', bytearray(b"it's"), bytearray(), bytes(3), bytearray(2), bytes(range(65, 70)))
print(b.upper(), b.lower(), b.title(), b.swapcase(), b'abc'.capitalize(), b.split(), b.split(b','), b.strip(b'H"d'))
print(b.find(b'o'), b.rfind(b'o'), b.find(111), b.count(b'l'), b.index(b'W'), b.startswith(b'Hell'), b.endswith((b'x', b'"')))
print(b'-'.join([b'a', b'b', bytearray(b'c')]), b.replace(b'l', b'L', 2), b.partition(b','), b.rpartition(b'o'))
print(b'ab'.center(6, b'*'), b'ab'.ljust(4), b'-5'.zfill(4), b'a\tb'.expandtabs(4), b'a\nb\r\nc'.splitlines(True))
print(b'abc' + b'def', b'ab' * 3, 3 * b'x', b'ab' * -1, b'b' in b'abc', 98 in b'abc', b'abc' < b'abd', b'abc' == bytearray(b'abc'))
print(b'123'.isdigit(), b'abc'.isalpha(), b'a1'.isalnum(), b' \t'.isspace(), b'AB'.isupper(), b'ab'.islower(), b'Ab Cd'.istitle(), b'\x80'.isascii())
print(b'caf\xc3\xa9'.decode(), b'caf\xe9'.decode('latin-1'), b'\xff'.decode('utf-8', 'replace'), bytearray(b'hi').decode())
print(b'abc'.translate(bytes.maketrans(b'ab', b'xy')), b'abc'.translate(None, b'b'), b'prefix'.removeprefix(b'pre'), b'a.txt'.removesuffix(b'.txt'))
print(bytes([1, 2, 255]), bytes((65, 66)), bytes('é', 'utf-8'), bytes(bytearray(b'x')), bytearray('é', 'latin-1'), bytearray(b'ab') + b'cd')
print(int.from_bytes(b'\x00\x10', 'big'), (4096).to_bytes(2, 'big'), b'%s %d %x %c %r' % (b'x', 5, 255, 65, 'é'), b'%5b|%-5s|' % (b'a', b'b'))
for label, f in [("b'a' + 'b'", lambda: b'a' + 'b'), ("'b' in b'abc'", lambda: 'b' in b'abc'), ("256 in b'a'", lambda: 256 in b'a'),
                 ("b'abc'[5]", lambda: b'abc'[5]), ("bytes('abc')", lambda: bytes('abc')), ("bytes(-1)", lambda: bytes(-1)),
                 ("bytes([1, 256])", lambda: bytes([1, 256])), ("bytes(['a'])", lambda: bytes(['a'])), ("bytes(1.5)", lambda: bytes(1.5)),
                 ("bytes.fromhex('zz')", lambda: bytes.fromhex('zz')), ("b','.join([b'a', 'b'])", lambda: b','.join([b'a', 'b'])),
                 ("b'abc'.index(b'z')", lambda: b'abc'.index(b'z')), ("b'a,b'.split(',')", lambda: b'a,b'.split(',')),
                 ("b'ab'.center(6, '*')", lambda: b'ab'.center(6, '*')), ("bytes.maketrans(b'a', b'bc')", lambda: bytes.maketrans(b'a', b'bc')),
                 ("b'%s' % 'x'", lambda: b'%s' % 'x'), ("b'%c' % 256", lambda: b'%c' % 256), ("hash(bytearray())", lambda: hash(bytearray())),
                 ("b'\\xff'.decode()", lambda: b'\xff'.decode())]:
    show(label, f)
a = bytearray(b'hello')
a[0] = 72
a.append(33)
a.extend(b'??')
a.extend([65, 66])
a += b'!'
a.insert(1, 95)
print(a, len(a), a.pop(), a.pop(0), a)
a.remove(95)
a[1:3] = b'EL'
a[-2:] = b''
del a[::2]
print(a, a.copy(), a.hex())
a.reverse()
print(a)
a *= 2
print(a, a * 2, a.find(b'l'), a.upper(), a.decode())
a.clear()
print(a, len(a), bool(a))
for label, f in [('pop empty', lambda: bytearray().pop()), ('pop 5', lambda: bytearray(b'a').pop(5)),
                 ('remove 9', lambda: bytearray(b'a').remove(9)), ('append 256', lambda: bytearray(b'a').append(256)),
                 ("append 'a'", lambda: bytearray(b'a').append('a')), ('setitem 256', lambda: bytearray(b'a').__setitem__(0, 256)),
                 ('index', lambda: bytearray(b'a')[5]), ("extend 'ab'", lambda: bytearray(b'a').extend('ab'))]:
    show(label, f)
print(hash(b'abc') == hash(b'abc'), {b'k': 1}[b'k'], sorted([b'b', b'a', b'ab']), max(b'abc'), sum(b'abc'))
