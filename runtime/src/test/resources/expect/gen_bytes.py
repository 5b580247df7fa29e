"""Expectations for bytes and bytearray: python3 gen_bytes.py writes bytes.txt."""
import ast
from pycases import emit

cases = []
samples = [b'', b'a', b'abc', b'Hello World', b'  a  b  c  ', b'a,b,,c', b'\x00\x7f\x80"\'', b"'", b'it\'s', b'say "hi"',
           b'both \' and "', b'\\', b'\xff\xfe', b'-42', b'a\tb\nc\r\nd', b'123', b'MiXeD', b'caf\xc3\xa9']
for b in samples:
    for v in (b, bytearray(b)):
        cases += [('repr', v), ('str', v), ('len', v), ('list', v)]
        for m in ['upper', 'lower', 'capitalize', 'title', 'swapcase', 'isdigit', 'isalpha', 'isalnum', 'isspace',
                  'isupper', 'islower', 'istitle', 'isascii', 'split', 'rsplit', 'splitlines', 'strip', 'hex', 'decode']:
            cases.append(('meth', m, v))
        for i in [0, 1, -1, 5, -6]:
            cases.append(('getitem', v, i))
        cases += [('meth', 'split', v, b' '), ('meth', 'split', v, None, 1), ('meth', 'rsplit', v, b',', 1),
                  ('meth', 'center', v, 9), ('meth', 'center', v, 10, b'*'), ('meth', 'ljust', v, 6), ('meth', 'zfill', v, 6),
                  ('meth', 'find', v, b'b'), ('meth', 'find', v, 98), ('meth', 'rfind', v, b'b'), ('meth', 'count', v, b'b'),
                  ('meth', 'replace', v, b'b', b'XY'), ('meth', 'partition', v, b'b'), ('meth', 'startswith', v, b'a'),
                  ('meth', 'endswith', v, (b'x', b'c')), ('contains', v, b'b'), ('contains', v, 98), ('contains', v, 256),
                  ('contains', v, 'b'), ('bin', '+', v, b'x'), ('bin', '+', v, bytearray(b'y')), ('bin', '*', v, 2),
                  ('bin', '<', v, b'abd'), ('bin', '==', v, b'abc'), ('bin', '==', v, 'abc'), ('meth', 'join', v, (b'x', b'y')),
                  ('meth', 'hex', v, ':'), ('meth', 'hex', v, b'-', 2), ('meth', 'hex', v, '.', -2),
                  ('meth', 'decode', v, 'utf-8', 'replace'), ('meth', 'decode', v, 'ascii', 'backslashreplace'),
                  ('meth', 'decode', v, 'latin-1'), ('meth', 'decode', v, 'utf-8', 'surrogateescape'),
                  ('meth', 'translate', v, None, b'a'), ('meth', 'removeprefix', v, b'a'), ('meth', 'removesuffix', v, b'c'),
                  ('meth', 'expandtabs', v, 4), ('mod', v, ()), ('meth', 'strip', v, b'ac ')]
exprs = r"""b'a' + 'b'
b'abc'[5]
bytearray(b'a')[5]
bytes('abc')
bytes(1, 'utf-8')
bytes(-1)
bytes([1, 256])
bytes(['a'])
bytes(1.5)
bytes(3)
bytes('é', 'utf-8')
bytes('é', 'ascii')
bytes('é', 'ascii', 'ignore')
bytes('é', errors='ignore')
bytes((1, 2, 3))
bytes(bytearray(b'x'))
bytearray(3)
bytearray('é', 'utf-8')
bytearray((65, 66))
b'ab' * 3
b'ab' * -1
b'abc'.hex(':')
b'abcdef'.hex(':', 2)
b'abcdef'.hex(':', -4)
b'abc'.hex('::')
bytes.fromhex('61 62')
bytes.fromhex('6')
bytes.fromhex('zz')
bytes.fromhex(' 61\n62 ')
bytearray.fromhex('ff 00')
b','.join((b'a', bytearray(b'b')))
b','.join((b'a', 'b'))
b'a,b'.split(',')
b'abc'.index(b'z')
b'abc'.startswith('a')
b'ab'.center(6, '*')
b'ab'.center(6, b'**')
b'abc'.translate(bytes.maketrans(b'ab', b'xy'))
bytes.maketrans(b'a', b'bc')
b'abc'.translate(b'x')
b'%d' % 5
b'%s %d %r %c %c' % (b'x', 5, 'é', 65, b'z')
b'%s' % 'x'
b'%c' % 256
b'%a' % 1
b'%5b|' % b'ab'
b'%x' % 255
b'%c' % b'ab'
b'%s' % bytearray(b'q')
b'%(a)s' % {b'a': b'x'}
bytearray(b'%s') % b'x'
b'\xe9abc'.decode()
b'\xe2\x82'.decode()
b'\xe2\x82a'.decode()
b'\xed\xa0\x80'.decode()
b'\xc0\x80'.decode()
b'a\xffb\xfe'.decode('utf-8', 'replace')
b'\xe2\x82a'.decode('utf-8', 'replace')
b'\xf0\x9f\x98'.decode('utf-8', 'replace')
b'\xf0\x9f\x98\x80'.decode()
b'\xff'.decode('ascii')
b'\xffa'.decode('utf-8', 'backslashreplace')
b'\xffa'.decode('utf-8', 'surrogateescape')
b'a\x00b'.decode('utf-16')
b'\xff\xfea\x00'.decode('utf-16')
b'\xfe\xff\x00a'.decode('utf-16')
b'a\x00\x00\x00'.decode('utf-32')
b'a'.decode('utf-16')
b'\x80'.decode('utf-8', 'bogus')
b'abc'.decode('utf-8', 'bogus')
b'\xf4\x90\x80\x80'.decode()
b'\xf0\x80\x80\x80'.decode()
b'\x80'.decode('cp1252')
b'abc'.decode('nope')
b'abc'.count(b'')
b'abc'.find(b'', 10)
b'abc'.rfind(b'c')
b'abc'.find(300)
b'abc'.find('a')
b'a b'.rsplit(None, 1)
b'A'.isupper()
b'abc'[1]
b'abc'[-1]
b'abc'['a']
b'x'.__bytes__()
b'\x00'.isspace()
bytearray(b'a').pop(5)
bytearray().pop()
bytearray(b'abc').pop()
bytearray(b'abc').pop(0)
bytearray(b'a').remove(9)
bytearray(b'a').append(256)
bytearray(b'a').append('a')
bytearray(b'a') + 'b'
bytearray(b'ab') * 2
int.from_bytes(b'\x01\x00', 'big')
int.from_bytes(b'\xff', 'little', signed=True)
int.from_bytes(b'', 'big')
int.from_bytes(b'\x00\x80', 'little')
int.from_bytes(b'\xff\xff', 'big', signed=True)
int.from_bytes(b'\x01', 'bad')"""
for t in exprs.split('\n'):
    tree = ast.parse(t, mode='eval').body
    ev = lambda node: eval(compile(ast.Expression(node), '', 'eval'))
    if isinstance(tree, ast.Call) and isinstance(tree.func, ast.Attribute):
        recv = ev(tree.func.value)
        if isinstance(recv, type):
            # class methods are reached through an instance here
            recv = {bytes: b'', bytearray: bytearray(), int: 0}[recv]
        args = tuple(ev(a) for a in tree.args)
        if tree.keywords:
            cases.append(('kw', tree.func.attr, recv, args, {k.arg: ev(k.value) for k in tree.keywords}))
        else:
            cases.append(('meth', tree.func.attr, recv) + args)
    elif isinstance(tree, ast.Call):
        name = tree.func.id
        args = tuple(ev(a) for a in tree.args)
        if tree.keywords:
            continue
        cases.append(('new', name) + args)
    elif isinstance(tree, ast.Subscript):
        cases.append(('getitem', ev(tree.value), ev(tree.slice)))
    elif isinstance(tree, ast.BinOp):
        if isinstance(tree.op, ast.Mod):
            cases.append(('mod', ev(tree.left), ev(tree.right)))
        else:
            op = {ast.Add: '+', ast.Mult: '*'}[type(tree.op)]
            cases.append(('bin', op, ev(tree.left), ev(tree.right)))
    else:
        raise ValueError(t)
emit('bytes.txt', cases)
print(len(cases))
