import json

data = {'name': 'Gilt', 'version': [0, 1], 'ok': True, 'none': None, 'pi': 3.14159, 'big': 10 ** 20,
        'nested': {'b': [1, 2.5, None, True], 'a': {'x': 'é"\n\t\\/'}}, 'empty': [], 'e2': {}}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, indent='\t', separators=(',', ': '), ensure_ascii=False))
print(json.dumps([1e100, 1.0, float('nan'), float('-inf'), -0.0, 0.1 + 0.2, 1e-7, 123456789.0]))
print(json.dumps('é'), json.dumps('é', ensure_ascii=False), json.dumps('\U0001f600'), json.dumps('\x00\x1f'))
print(json.dumps({1: 2, 2.5: 3, None: 4, False: 5}), json.dumps([[]], indent=0), json.dumps({}, indent=2))
print(json.dumps([1, 2], separators=(',', ':')), json.dumps((1, 2)), json.dumps({'b': 1, 'a': 2}, sort_keys=True))
print(json.dumps({'a': 1, 3: 'x'}, skipkeys=True), json.dumps({(1, 2): 3}, skipkeys=True))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

print(json.dumps(Point(1, 2), default=lambda o: o.__dict__))

class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        return super().default(o)

print(json.dumps({'p': Point(3, 4)}, cls=PointEncoder))
for bad in [lambda: json.dumps(Point(1, 2)), lambda: json.dumps({(1, 2): 3}), ]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print('ValueError', e)

text = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\u00e9\\n\\ud83d\\ude00"}, "n": -0, "big": 123456789012345678901234567890}'
obj = json.loads(text)
print(obj, type(obj['a'][1]).__name__, type(obj['n']).__name__)
print(json.loads('[NaN, Infinity, -Infinity]'), json.loads('  "x"  '), json.loads(b'[1]'), json.loads('{}'))
print(json.loads('{"a": 1, "a": 2}'), json.loads('1.5', parse_float=lambda s: 'F' + s), json.loads('7', parse_int=float))
print(json.loads('{"x": 1, "y": 2}', object_pairs_hook=list), json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d)))
for s in ['', '[1,]', '{"a":1,}', '{"a" 1}', '[1 2]', '"abc', '"a\nb"', '"\\x"', '"\\u12"', '{1:2}', 'nul', '[1] x',
          '-', '01', '1.', '1e', '  ', '{"a":}', '\ufeff[]', '[', '{', '{"a"', '{"a":1', '["a"', 'tru']:
    try:
        json.loads(s)
        print(repr(s), 'ok')
    except json.JSONDecodeError as e:
        print(repr(s), '->', e, (e.msg, e.pos, e.lineno, e.colno))
try:
    json.loads(5)
except TypeError as e:
    print('TypeError', e)
print(json.loads('\n\n  [\n1,\n  x]'.replace('x', '2')))
try:
    json.loads('[\n1,\n  x]')
except json.JSONDecodeError as e:
    print(e)
print(isinstance(json.JSONDecodeError('m', 'doc', 1), ValueError))
import io
buf = io.StringIO()
json.dump({'k': [1, 2]}, buf, indent=1)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
try:
    json.dumps(float('nan'), allow_nan=False)
except ValueError as e:
    print('ValueError', str(e).startswith('Out of range float values are not JSON compliant'))
