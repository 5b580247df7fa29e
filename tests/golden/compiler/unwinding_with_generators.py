# exceptions, finally, with, generators
def f(n):
    out = []
    for i in range(n):
        try:
            if i == 1: continue
            if i == 3: break
            out.append(i)
        finally:
            out.append('f%d' % i)
    else:
        out.append('else')
    return out
print(f(5), f(2))

def g():
    try:
        return 'try'
    finally:
        print('in finally')
print(g())

def h():
    try:
        1 / 0
    except ZeroDivisionError as e:
        try:
            raise ValueError('inner') from e
        except ValueError as v:
            return repr(v), repr(v.__cause__), v.__context__ is e
print(h())

def swallow():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError:
            if i == 1:
                return i
print(swallow())

class CM:
    def __init__(self, name, suppress=False): self.name, self.suppress = name, suppress
    def __enter__(self):
        print('enter', self.name); return self
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None); return self.suppress
with CM('a') as a, CM('b'):
    print('body', a.name)
with CM('s', True):
    raise RuntimeError('x')
print('after suppress')
def wret():
    with CM('r'):
        return 'ret'
print(wret())
for i in range(2):
    with CM('loop%d' % i):
        if i == 0: continue
        break
try:
    with CM('e'):
        raise TypeError('t')
except TypeError as e:
    print('caught', e)

def gen():
    try:
        x = yield 1
        print('sent', x)
        y = yield from sub()
        print('sub returned', y)
        yield 'last'
    finally:
        print('gen finally')
def sub():
    v = yield 's1'
    return v * 2
it = gen()
print(next(it), it.send('A'), it.send(21))
try:
    next(it)
except StopIteration:
    print('done')
it = gen(); next(it); it.close()
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield 'caught ' + str(e)
t = thrower(); next(t); print(t.throw(ValueError('boom')))
print(list(x * 2 for x in range(4)), sum(i for i in range(10) if i % 2))

# assert, raise forms
try:
    assert 1 == 2, 'msg'
except AssertionError as e:
    print('assert', e)
try:
    raise KeyError
except KeyError as e:
    print('class raise', repr(e))
def reraiser():
    try:
        raise OSError('o')
    except OSError:
        raise
try:
    reraiser()
except OSError as e:
    print('reraised', e)
try:
    try:
        raise ValueError(1)
    finally:
        print('finally during exception')
except ValueError:
    print('propagated')
del_me = 1
del del_me
try:
    del_me
except NameError as e:
    print(e)
