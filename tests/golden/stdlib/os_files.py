import os
import os.path
import stat

base = os.path.abspath('os_files_tmp')
if os.path.exists(base):
    for root, dirs, files in os.walk(base, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(base)

os.makedirs(os.path.join(base, 'a', 'b'))
os.makedirs(os.path.join(base, 'a', 'b'), exist_ok=True)
try:
    os.makedirs(os.path.join(base, 'a'))
except FileExistsError as e:
    print('FileExistsError', e.errno, os.path.basename(e.filename))
with open(os.path.join(base, 'a', 'f.txt'), 'w') as f:
    f.write('hello\n')
with open(os.path.join(base, 'a', 'b', 'g.bin'), 'wb') as f:
    f.write(b'\x00\x01\x02')
print(sorted(os.listdir(base)), sorted(os.listdir(os.path.join(base, 'a'))))
st = os.stat(os.path.join(base, 'a', 'f.txt'))
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(base).st_mode), len(st) == 10)
print(os.path.getsize(os.path.join(base, 'a', 'b', 'g.bin')))
print(os.path.exists(base), os.path.isdir(base), os.path.isfile(base), os.path.isfile(os.path.join(base, 'a', 'f.txt')))
for root, dirs, files in os.walk(base):
    dirs.sort()
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))
for root, dirs, files in os.walk(base, topdown=False):
    print('up', os.path.relpath(root, base), sorted(dirs), sorted(files))
entries = sorted((e.name, e.is_dir(), e.is_file()) for e in os.scandir(os.path.join(base, 'a')))
print(entries)
os.rename(os.path.join(base, 'a', 'f.txt'), os.path.join(base, 'a', 'h.txt'))
print(sorted(os.listdir(os.path.join(base, 'a'))))
cwd = os.getcwd()
os.chdir(base)
print(os.getcwd() == base, os.path.exists('a/h.txt'), open('a/h.txt').read().strip())
os.chdir(cwd)
for bad in [lambda: os.remove(os.path.join(base, 'nope')), lambda: os.rmdir(os.path.join(base, 'a')),
            lambda: os.listdir(os.path.join(base, 'zzz')), lambda: os.remove(os.path.join(base, 'a')),
            lambda: os.rmdir(os.path.join(base, 'a', 'h.txt')), lambda: os.chdir(os.path.join(base, 'nope')),
            lambda: os.mkdir(base), lambda: os.stat(os.path.join(base, 'missing'))]:
    try:
        bad()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, os.path.relpath(e.filename, base))
os.remove(os.path.join(base, 'a', 'h.txt'))
os.remove(os.path.join(base, 'a', 'b', 'g.bin'))
os.removedirs(os.path.join(base, 'a', 'b'))
print(os.path.exists(base))
print(os.sep, os.name, repr(os.linesep), os.curdir, os.pardir, os.pathsep, os.extsep, os.devnull)
print(os.path.join('a', 'b', 'c'), os.path.join('/a', '/b'), os.path.join('a/', 'b'), os.path.join('', 'x'))
print(os.path.split('/a/b/c.txt'), os.path.split('c.txt'), os.path.split('/'), os.path.split('a//b'))
print(os.path.splitext('a/b.tar.gz'), os.path.splitext('.bashrc'), os.path.splitext('a.b/c'), os.path.splitext('x..'))
print(os.path.basename('/a/b/'), os.path.dirname('/a/b/'), os.path.dirname('a'), os.path.basename('a/b'))
print(os.path.normpath('/a/./b/../c//d/'), os.path.normpath(''), os.path.normpath('../../x'), os.path.normpath('//a'), os.path.normpath('///a'))
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.relpath('/a/b/c', '/a/x'), os.path.relpath('/a', '/a'))
print(os.path.commonprefix(['/usr/lib', '/usr/local']), os.path.commonpath(['/usr/lib', '/usr/local']))
os.environ['GILT_TEST_VAR'] = 'value1'
print(os.environ['GILT_TEST_VAR'], os.getenv('GILT_TEST_VAR'), os.getenv('NOPE_NOPE', 'dflt'), 'GILT_TEST_VAR' in os.environ)
print(os.path.expandvars('$GILT_TEST_VAR/${GILT_TEST_VAR}/$NOPE_X'), os.path.expanduser('~') == os.environ['HOME'])
del os.environ['GILT_TEST_VAR']
print(os.environ.get('GILT_TEST_VAR'))
try:
    os.environ['NOPE_NOPE']
except KeyError as e:
    print('KeyError', e)
print(os.fspath('x'), os.fsencode('x'), os.fsdecode(b'y'))
print(type(os.getpid()) is int, os.cpu_count() >= 1, len(os.urandom(5)), os.strerror(2))
print(isinstance(os.stat('.'), os.stat_result), os.path.abspath('.') == os.getcwd())
