import heapq, bisect, copy, types, contextlib, weakref, io, sys, gc

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data, heapq.heapreplace(data, 10), heapq.heappushpop(data, -1), data)
print(heapq.nlargest(3, [1, 8, 3, 9, 2]), heapq.nsmallest(2, [1, 8, 3, 9, 2]), heapq.nlargest(2, ['aa', 'b', 'ccc'], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge([5, 3], [4, 1], reverse=True)),
      list(heapq.merge(['a', 'bb'], ['c', 'dd'], key=len)))
a = [1, 2, 4, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 0))
bisect.insort(a, 3)
bisect.insort_left(a, 4)
print(a, bisect.bisect_left([(1, 'a'), (3, 'b')], 2, key=lambda p: p[0]))
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print('ValueError', e)

class Node:
    def __init__(self, v, children=()):
        self.v = v
        self.children = list(children)
    def __repr__(self):
        return f'Node({self.v}, {self.children})'

tree = Node(1, [Node(2), Node(3, [Node(4)])])
shallow = copy.copy(tree)
deep = copy.deepcopy(tree)
tree.children[1].v = 30
print(shallow.children[1].v, deep.children[1].v, shallow.children is tree.children, deep.children is tree.children)
lst = [1, [2, 3], {'a': [4]}]
dl = copy.deepcopy(lst)
dl[1].append(99)
print(lst, dl, copy.copy(lst)[1] is lst[1])
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc)

class Custom:
    def __init__(self):
        self.copied = False
    def __copy__(self):
        c = Custom()
        c.copied = 'shallow'
        return c
    def __deepcopy__(self, memo):
        c = Custom()
        c.copied = 'deep'
        return c
print(copy.copy(Custom()).copied, copy.deepcopy(Custom()).copied, copy.deepcopy((1, 2)) == (1, 2), copy.copy(5))

print(types.FunctionType.__name__, types.SimpleNamespace(a=1, b='x'), types.ModuleType.__name__, isinstance(len, types.BuiltinFunctionType))
ns = types.SimpleNamespace(x=1)
ns.y = 2
print(ns, ns == types.SimpleNamespace(x=1, y=2), vars(ns))
def gen():
    yield 1
print(isinstance(gen(), types.GeneratorType), isinstance(lambda: 0, types.LambdaType), type(types.MethodType).__name__)
m = types.ModuleType('mymod', 'doc')
m.value = 3
print(m.__name__, m.__doc__, m.value)
C = types.new_class('C', (object,), {}, lambda ns: ns.update({'z': 7}))
print(C.__name__, C.z)

@contextlib.contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')

with tag('p') as t:
    print('inside', t)
try:
    with tag('div'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)
with contextlib.suppress(KeyError, ZeroDivisionError):
    1 / 0
print('after suppress')
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print('captured')
print(repr(buf.getvalue()))
with contextlib.ExitStack() as stack:
    for n in ('a', 'b'):
        stack.callback(print, 'exit', n)
    stack.enter_context(tag('stacked'))
    print('body')
with contextlib.nullcontext(42) as v:
    print('null', v)

class Res:
    def close(self):
        print('closed')
with contextlib.closing(Res()):
    pass

@tag('deco')
def decorated():
    print('in decorated')
decorated()

class Obj:
    pass
o = Obj()
r = weakref.ref(o)
print(r() is o, weakref.getweakrefcount(o))
del o
gc.collect()
print(r())
wvd = weakref.WeakValueDictionary()
keep = Obj()
wvd['a'] = keep
wvd['b'] = Obj()
gc.collect()
print(sorted(wvd.keys()), len(wvd))
ws = weakref.WeakSet()
ws.add(keep)
print(len(ws), keep in ws)
called = []
def on_dead(name):
    called.append(name)
tmp = Obj()
f = weakref.finalize(tmp, on_dead, 'tmp')
print(f.alive)
del tmp
gc.collect()
print(called, f.alive)
