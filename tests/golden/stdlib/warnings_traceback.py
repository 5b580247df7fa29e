import warnings, traceback, sys, linecache

def old_api():
    warnings.warn('old_api is deprecated', DeprecationWarning, stacklevel=2)

def f():
    warnings.warn('careful')

for i in range(3):
    f()
old_api()
warnings.warn('module level', UserWarning)
warnings.warn(RuntimeWarning('explicit instance'))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    f()
    f()
    warnings.warn('x', SyntaxWarning)
    print(len(w), [str(x.message) for x in w], w[0].category.__name__, w[2].filename.endswith('warnings_traceback.py'))
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('now an error')
    except UserWarning as e:
        print('raised', e)
warnings.filterwarnings('ignore', message='skip.*')
warnings.warn('skip me')
warnings.warn('show me')
print(warnings.formatwarning('msg', UserWarning, 'file.py', 3, 'line of code'), end='')
sys.stderr.flush()

def inner():
    return 1 / 0

def outer():
    return inner()

try:
    outer()
except ZeroDivisionError:
    print(traceback.format_exc(), end='')
    etype, value, tb = sys.exc_info()
    print([fs.name for fs in traceback.extract_tb(tb)], traceback.format_exception_only(etype, value))
    print(repr(traceback.extract_tb(tb)[-1]), traceback.extract_tb(tb)[-1].line)
    print(''.join(traceback.format_tb(tb)), end='')
try:
    try:
        {}['missing']
    except KeyError as e:
        raise ValueError('converted') from e
except ValueError as e:
    traceback.print_exc(file=sys.stdout)
    print(traceback.format_exception(e)[-1], end='')
    print(''.join(traceback.format_exception(type(e), e, e.__traceback__, chain=False)), end='')

def stack():
    return traceback.format_stack()
print(''.join(stack()), end='')

class MyError(Exception):
    pass
try:
    raise MyError('custom')
except MyError as e:
    print(traceback.format_exception_only(e), linecache.getline(__file__, 1), end='')
