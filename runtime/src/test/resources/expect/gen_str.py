"""Expectations for str: python3 gen_str.py writes str.txt."""
from pycases import emit

cases = []
samples = ['', 'a', 'abc', 'Hello World', '  a  b  c  ', 'a,b,,c', 'héllo wörld', 'ß', 'ǆa', 'ΑΣ', 'ﬁx', "they're bill's 1st",
           '\U0001F600ab\U0001F601', 'a\tb\n\tc', 'ab\r\ncd\x0bef\x1cg\n', '-42', '+4', 'İ', 'AbC', '½²3', '一二三', 'x\x00y',
           '\u1680a\u2003b', 'MiXeD CaSe', '123', '١٢٣', 'a_b1', '1ab', 'Ab Cd', 'ab cD', 'HELLO', '\u00a0', ' ', '\t\n',
           "it's", 'say "hi"', 'both \' and "', '\\', '\x7f\x80\xff', '\u0300\u200b\ufeff', '\ud800', 'ab\ud800cd',
           '\U000E0001', 'ⅷ', '²', 'ǅ']
for s in samples:
    cases += [('repr', s), ('ascii', s), ('len', s), ('list', s), ('hash', s) if False else ('str', s)]
    for m in ['upper', 'lower', 'casefold', 'capitalize', 'title', 'swapcase', 'isdigit', 'isdecimal', 'isnumeric',
              'isalpha', 'isalnum', 'isspace', 'isupper', 'islower', 'istitle', 'isidentifier', 'isprintable', 'isascii',
              'split', 'rsplit', 'splitlines', 'strip', 'lstrip', 'rstrip', 'expandtabs']:
        cases.append(('meth', m, s))
    for i in [0, 1, -1, 2, 5, -6, 10**20]:
        cases.append(('getitem', s, i))
    cases += [('meth', 'split', s, ' '), ('meth', 'split', s, None, 1), ('meth', 'rsplit', s, None, 1), ('meth', 'split', s, ',', 1),
              ('meth', 'rsplit', s, ',', 1), ('meth', 'center', s, 9), ('meth', 'center', s, 10, '*'), ('meth', 'ljust', s, 6, 'é'),
              ('meth', 'rjust', s, 7), ('meth', 'zfill', s, 6), ('meth', 'find', s, 'b'), ('meth', 'rfind', s, 'b'),
              ('meth', 'count', s, 'b'), ('meth', 'count', s, ''), ('meth', 'find', s, '', 2), ('meth', 'replace', s, 'b', 'XY'),
              ('meth', 'replace', s, '', '-'), ('meth', 'partition', s, 'b'), ('meth', 'rpartition', s, 'b'),
              ('meth', 'startswith', s, 'a'), ('meth', 'endswith', s, 'c'), ('meth', 'splitlines', s, True),
              ('meth', 'expandtabs', s, 4), ('meth', 'strip', s, 'ac '), ('contains', s, 'b'), ('contains', s, ''),
              ('meth', 'encode', s), ('meth', 'encode', s, 'ascii', 'replace'), ('meth', 'encode', s, 'latin-1', 'backslashreplace'),
              ('meth', 'encode', s, 'utf-16'), ('meth', 'encode', s, 'utf-32-be'), ('meth', 'encode', s, 'ascii', 'xmlcharrefreplace'),
              ('meth', 'encode', s, 'utf-8', 'surrogateescape'), ('meth', 'encode', s, 'utf-8', 'surrogatepass'),
              ('bin', '+', s, 'x'), ('bin', '*', s, 2), ('bin', '*', 3, s), ('bin', '<', s, 'abd'), ('bin', '==', s, 'abc'),
              ('meth', 'removeprefix', s, 'a'), ('meth', 'removesuffix', s, 'c'), ('meth', 'index', s, 'a'),
              ('meth', 'join', s, ['x', 'y']), ('meth', 'translate', s, {97: 'A', 98: None, 99: 0x1F600})]
tests = ["'a'.center(4)", "'abc'.split('')", "'a b'.split(1)", "'abc'.replace('', '-', 2)", "'aaa'.replace('a', 'b', 2)",
         "'abc'.find('', 5)", "'abc'.find('', 3)", "'abc'.count('', 5)", "'abc'.count('', 1, 2)", "'abc'.startswith('', 4)",
         "'abc'.startswith('', 3)", "'abc'.startswith(('x','a'))", "'abc'.startswith(1)", "'abc'.startswith((1,))",
         "'a'.strip(1)", "' a'.lstrip(None)", "','.join(['a', 1])", "','.join(5)", "'abc'.index('d')", "'abc'.rindex('d')",
         "'a'.find(1)", "'abc'.partition('')", "'abc'.partition(1)", "'abc'.removeprefix(1)", "'a'.center(3, 'xy')",
         "'a'.encode('foo')", "'é'.encode('ascii', 'bogus')", "'abc'.encode('ascii', 'bogus')", "'abc'[5]", "'ab' * -1",
         "'ab' * 2**70", "'abc'.find()", "'abc'.find('a', 1, 2, 3)", "'abc'.count('a', None, None)", "'abc'.find('c', -1)",
         "'abcabc'.rfind('b', 0, -2)", "'abcabc'.rfind('b', -100, 100)", "'abc'.find('b', 'x')", "'a' + 1", "'a' * 2.5",
         "'a' < 1", "'a' == 1", "1 in 'a'", "'é€𝄞'.encode('ascii', 'namereplace')", "'a\\ud800\\ud801'.encode()",
         "'éé'.encode('ascii')", "'\\udcff'.encode('utf-8','surrogateescape')", "'€'.encode('cp1252')", "'x'.encode('UTF_8')",
         "'abc'.expandtabs(-1)", "'a\\tb'.expandtabs(0)", "'12'.zfill(-1)", "'ab'.ljust(5, '')", "'ab'.ljust(5, 1)",
         "'abc'.translate({97: 1.5})", "'abc'.translate({97: 0x110000})", "'abc'.translate({97: -1})", "'a'.join([])",
         "''.join(['a'])", "'abc'.splitlines(keepends=True)", "'a  b'.split(maxsplit=0)", "'  a b '.split(maxsplit=1)",
         "'a,b,c'.rsplit(',', maxsplit=1)", "'a b'.split(sep=None)", "'abc'.split(None, -2)", 
         "'abcdef'.startswith('cd', 2)", "'abcdef'.startswith('cd', 2, 3)", "'abcdef'.endswith('cd', 0, 4)",
         "'abcdef'.endswith(('x', 'ef'))", "'abc'.count('a', 'b')", "'\\U0001F600abc'.find('b')", "'\\U0001F600abc'.index('c', 2)",
         "'ab\\U0001F600'.rfind('\\U0001F600')", "'\\U0001F600abc'.count('a', 1)", "'\\U0001F600x'.center(5)",
         "'a\\U0001F600b'[1]", "'a\\U0001F600b'[-1]", "len('a\\U0001F600b')"]
for t in tests:
    cases.append(('pyexpr', t))
emit('str.txt', [c for c in cases if c[0] != 'pyexpr'])

# The free-form expressions above become method calls: encode them as kind 'meth'/'kw' where possible.
import ast
extra = []
for t in tests:
    tree = ast.parse(t, mode='eval').body
    ev = lambda node: ast.literal_eval(node) if not isinstance(node, ast.BinOp) else eval(compile(ast.Expression(node), '', 'eval'))
    if isinstance(tree, ast.Call) and isinstance(tree.func, ast.Attribute):
        recv = ev(tree.func.value)
        args = tuple(ev(a) for a in tree.args)
        if tree.keywords:
            extra.append(('kw', tree.func.attr, recv, args, {k.arg: ev(k.value) for k in tree.keywords}))
        else:
            extra.append(('meth', tree.func.attr, recv) + args)
    elif isinstance(tree, ast.Subscript):
        extra.append(('getitem', ev(tree.value), ev(tree.slice)))
    elif isinstance(tree, ast.Call) and tree.func.id == 'len':
        extra.append(('len', ev(tree.args[0])))
    elif isinstance(tree, ast.BinOp):
        op = {ast.Add: '+', ast.Mult: '*'}[type(tree.op)]
        extra.append(('bin', op, ev(tree.left), ev(tree.right)))
    elif isinstance(tree, ast.Compare):
        op = tree.ops[0]
        if isinstance(op, ast.In):
            extra.append(('contains', ev(tree.comparators[0]), ev(tree.left)))
        else:
            sym = {ast.Lt: '<', ast.Eq: '=='}[type(op)]
            extra.append(('bin', sym, ev(tree.left), ev(tree.comparators[0])))
    else:
        raise ValueError(t)
# str() constructor
extra += [('new', 'str'), ('new', 'str', 5), ('new', 'str', 1.5), ('new', 'str', b'x'), ('new', 'str', b'caf\xc3\xa9', 'utf-8'),
          ('new', 'str', b'caf\xe9', 'utf-8'), ('new', 'str', b'caf\xe9', 'utf-8', 'replace'), ('new', 'str', b'caf\xe9', 'latin-1'),
          ('new', 'str', 'x', 'utf-8'), ('new', 'str', 5, 'utf-8'), ('new', 'str', bytearray(b'ab'), 'ascii'),
          ('new', 'str', 'abc'), ('new', 'str', 1j), ('new', 'str', True)]
for spec in [('maketrans', 'ab', 'xy'), ('maketrans', 'ab', 'x'), ('maketrans', {'a': 'b', 98: None}), ('maketrans', {'ab': 1}),
             ('maketrans', 1), ('maketrans', 'ab', 'cd', 'e')]:
    extra.append(('meth', spec[0], '') + spec[1:])
with open('str.txt', 'a', encoding='utf-8') as f:
    pass
from pycases import expected, lit
with open('str.txt', 'a', encoding='utf-8') as f:
    for case in extra:
        kind, args = case[0], list(case[1:])
        exp = expected(kind, args)
        head = [kind, args[0]] + [lit(a) for a in args[1:]] if kind in ('meth', 'kw', 'new', 'bin') else [kind] + [lit(a) for a in args]
        f.write('\t'.join(head + [exp]) + '\n')
print(len(cases) + len(extra))
