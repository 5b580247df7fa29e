"""Information about the platform Gilt runs on (a small subset of CPython's platform module)."""

import collections as _collections
import os as _os
import sys as _sys

__version__ = '1.0.8'

_uname_cache = None
_libc_cache = None


class uname_result(_collections.namedtuple('uname_result',
                                           'system node release version machine')):
    """os.uname() plus a processor field (iterating and indexing see all six)."""

    _fields = ('system', 'node', 'release', 'version', 'machine', 'processor')

    @property
    def processor(self):
        return _processor()

    def __iter__(self):
        yield from tuple.__iter__(self)
        yield self.processor

    def __getitem__(self, key):
        return tuple(self)[key]

    def __len__(self):
        return len(tuple(iter(self)))

    def __reduce__(self):
        return uname_result, tuple(self)[:5]


def _processor():
    # CPython asks `uname -p`, which says "unknown" on most Linux systems and is then reported
    # as ''. Gilt does not start processes for it.
    return ''


def uname():
    global _uname_cache
    if _uname_cache is None:
        u = _os.uname()
        system = u.sysname
        machine = u.machine
        if system == 'Microsoft' and u.release == 'Windows':
            system, release = 'Windows', ''
        _uname_cache = uname_result(system, u.nodename, u.release, u.version, machine)
    return _uname_cache


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return uname().processor


def architecture(executable=None, bits='', linkage=''):
    if not bits:
        bits = '%dbit' % (64 if _sys.maxsize > 2 ** 32 else 32)
    if not linkage and _sys.platform.startswith('linux'):
        linkage = 'ELF'
    return bits, linkage


def _libc_from_file(path):
    """('glibc', 'X.Y') read from the "release version X.Y." banner of a glibc shared library."""
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError:
        return None
    marker = b'release version '
    i = data.find(marker)
    if i < 0:
        return None
    j = i + len(marker)
    k = j
    while k < len(data) and (48 <= data[k] <= 57 or data[k] == 46):
        k += 1
    ver = data[j:k].decode('ascii').rstrip('.')
    return ('glibc', ver) if ver else None


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    global _libc_cache
    if executable is None:
        if _libc_cache is None:
            found = None
            try:
                with open('/proc/self/maps') as f:
                    for line in f:
                        path = line.rsplit(None, 1)[-1] if line.strip() else ''
                        base = path.rsplit('/', 1)[-1]
                        if base.startswith('libc.so') or base.startswith('libc-'):
                            found = _libc_from_file(path)
                            if found:
                                break
            except OSError:
                pass
            _libc_cache = found or ('', '')
        got = _libc_cache
    else:
        got = _libc_from_file(executable) or ('', '')
    return (got[0] or lib, got[1] or version)


def _version_parts():
    vi = _sys.version_info
    return str(vi[0]), str(vi[1]), str(vi[2])


def python_implementation():
    name = _sys.implementation.name
    return {'cpython': 'CPython', 'pypy': 'PyPy', 'gilt': 'Gilt'}.get(name, name)


def python_version():
    return '.'.join(_version_parts())


def python_version_tuple():
    return _version_parts()


def _version_brackets():
    v = _sys.version
    i = v.find('[')
    return v[i + 1:v.find(']', i)] if i >= 0 else ''


def python_compiler():
    return _version_brackets()


def python_build():
    v = _sys.version
    i, j = v.find('('), v.find(')')
    inside = v[i + 1:j] if 0 <= i < j else ''
    return inside, ''


def python_branch():
    return ''


def python_revision():
    return ''


def _platform(*parts):
    """system-release-machine... as one filename-safe word."""
    text = '-'.join(p.strip() for p in parts if p)
    text = text.replace(' ', '_')
    for bad in '/\\:;"()':
        text = text.replace(bad, '-')
    text = text.replace('unknown', '')
    while '--' in text:
        text = text.replace('--', '-')
    return text.rstrip('-')


def platform(aliased=False, terse=False):
    u = uname()
    if u.system == 'Linux':
        libname, libversion = libc_ver()
        return _platform(u.system, u.release, u.machine, u.processor, 'with', libname + libversion)
    if terse:
        return _platform(u.system, u.release)
    bits, linkage = architecture()
    return _platform(u.system, u.release, u.machine, u.processor, bits, linkage)


def freedesktop_os_release():
    for candidate in ('/etc/os-release', '/usr/lib/os-release'):
        try:
            with open(candidate, encoding='utf-8') as f:
                lines = f.read().splitlines()
        except OSError:
            continue
        info = {'NAME': 'Linux', 'ID': 'linux', 'PRETTY_NAME': 'Linux'}
        for line in lines:
            line = line.strip()
            if not line or line.startswith('#') or '=' not in line:
                continue
            key, value = line.split('=', 1)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in '"\'':
                value = value[1:-1]
            info[key] = value
        return info
    raise OSError(2, 'Unable to read files /etc/os-release, /usr/lib/os-release')
