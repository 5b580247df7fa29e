"""Value and Array in memory shared between processes (a mapped file under /dev/shm).

Typecodes as the array module / ctypes: 'c' char (bytes of length 1), 'b' 'B' 'h' 'H' 'i' 'I'
'l' 'L' 'q' 'Q' integers, 'f' 'd' floats, 'u' wide char. Value/Array come with a recursive
lock (get_lock()) shared between processes; RawValue/RawArray without one.
"""

import _multiprocessing as _mp
from multiprocessing import context

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

typecode_to_type = {
    'c': 'c_char', 'u': 'c_wchar', 'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short', 'H': 'c_ushort',
    'i': 'c_int', 'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong', 'q': 'c_longlong',
    'Q': 'c_ulonglong', 'f': 'c_float', 'd': 'c_double', '?': 'c_bool',
}
_sizes = {'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'f': 4, 'u': 4,
          'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'd': 8}


def _typecode(typecode_or_type):
    tc = getattr(typecode_or_type, '_type_', typecode_or_type)
    if tc not in _sizes:
        raise TypeError("this type has no size")
    return tc


def _zero(tc):
    return b'\x00' if tc == 'c' else '\x00' if tc == 'u' else 0.0 if tc in 'fd' else False if tc == '?' else 0


def _ctype_repr(tc, v):
    return '%s(%r)' % (typecode_to_type[tc], v)


class _RawValue:
    """One C value in shared memory (like a ctypes object: .value)."""

    def __init__(self, buf, tc):
        self._buf = buf
        self._tc = tc

    @property
    def value(self):
        return self._buf.get(self._tc, 0)

    @value.setter
    def value(self, v):
        self._buf.set(self._tc, 0, v)

    def __repr__(self):
        return _ctype_repr(self._tc, self.value)

    def __reduce__(self):
        return _RawValue, (self._buf, self._tc)


class _RawArray:
    """A C array in shared memory (like a ctypes array: indexing, slices, len)."""

    def __init__(self, buf, tc, length):
        self._buf = buf
        self._tc = tc
        self._length = length
        self._size = _sizes[tc]

    def __len__(self):
        return self._length

    def _index(self, i):
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("invalid index")
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(self._length)
            if step == 1:
                if self._tc == 'c':
                    return self._buf.read(start, max(0, stop - start))
                return self._buf.get_many(self._tc, start * self._size, max(0, stop - start))
            items = [self._buf.get(self._tc, k * self._size) for k in range(start, stop, step)]
            return b''.join(items) if self._tc == 'c' else items
        return self._buf.get(self._tc, self._index(i) * self._size)

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            idx = range(*i.indices(self._length))
            if self._tc == 'c' and isinstance(v, (bytes, bytearray)):
                v = [bytes([x]) for x in v]
            v = list(v)
            if len(v) != len(idx):
                raise ValueError("Can only assign sequence of same size")
            for k, x in zip(idx, v):
                self._buf.set(self._tc, k * self._size, x)
            return
        self._buf.set(self._tc, self._index(i) * self._size, v)

    def __iter__(self):
        for k in range(self._length):
            yield self._buf.get(self._tc, k * self._size)

    # char arrays: .value (up to the first NUL) and .raw
    @property
    def value(self):
        if self._tc != 'c':
            raise AttributeError("'%s' object has no attribute 'value'" % self._type_name())
        raw = self._buf.read(0, self._length)
        n = raw.find(b'\x00')
        return raw if n < 0 else raw[:n]

    @value.setter
    def value(self, v):
        if len(v) > self._length:
            raise ValueError("byte string too long")
        data = bytes(v) + (b'\x00' if len(v) < self._length else b'')
        self._buf.write(0, data)

    @property
    def raw(self):
        if self._tc != 'c':
            raise AttributeError("'%s' object has no attribute 'raw'" % self._type_name())
        return self._buf.read(0, self._length)

    @raw.setter
    def raw(self, v):
        if len(v) > self._length:
            raise ValueError("byte string too long")
        self._buf.write(0, bytes(v))

    def _type_name(self):
        return '%s_Array_%d' % (typecode_to_type[self._tc], self._length)

    def __repr__(self):
        return '<multiprocessing.sharedctypes.%s object at %#x>' % (self._type_name(), id(self))

    def __reduce__(self):
        return _RawArray, (self._buf, self._tc, self._length)


def RawValue(typecode_or_type, *args):
    """A shared C value without a lock."""
    tc = _typecode(typecode_or_type)
    obj = _RawValue(_mp.shm_create(_sizes[tc]), tc)
    obj.value = args[0] if args else _zero(tc)
    return obj


def RawArray(typecode_or_type, size_or_initializer):
    """A shared C array without a lock, of a given size (zeroed) or initialised from a sequence."""
    tc = _typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        n = size_or_initializer
        if n < 0:
            raise ValueError("Array length must be >= 0")
        return _RawArray(_mp.shm_create(n * _sizes[tc]), tc, n)
    init = size_or_initializer
    if tc == 'c' and isinstance(init, (bytes, bytearray)):
        init = [bytes([x]) for x in init]
    init = list(init)
    arr = _RawArray(_mp.shm_create(len(init) * _sizes[tc]), tc, len(init))
    arr[:] = init
    return arr


def _lock_for(lock, ctx):
    if lock is True or lock is None:
        ctx = ctx or context._default_context.get_context()
        return ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return lock


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A shared C value; with lock (default) a Synchronized wrapper with get_lock()."""
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    return Synchronized(obj, _lock_for(lock, ctx))


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A shared C array; with lock (default) a SynchronizedArray wrapper with get_lock()."""
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    return synchronized(obj, _lock_for(lock, ctx))


def copy(obj):
    if isinstance(obj, _RawValue):
        return RawValue(obj._tc, obj.value)
    return RawArray(obj._tc, obj[:])


def synchronized(obj, lock=None, ctx=None):
    lock = _lock_for(lock, ctx)
    if isinstance(obj, _RawArray):
        if obj._tc == 'c':
            return SynchronizedString(obj, lock)
        return SynchronizedArray(obj, lock)
    return Synchronized(obj, lock)


class SynchronizedBase:
    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        self._lock = _lock_for(lock, ctx)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        context.assert_spawning(self)
        return synchronized, (self._obj, self._lock)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):
    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v


class SynchronizedArray(SynchronizedBase):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self._lock:
            return self._obj[start:stop]

    def __iter__(self):
        return iter(self[:])


class SynchronizedString(SynchronizedArray):
    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v

    @property
    def raw(self):
        with self._lock:
            return self._obj.raw

    @raw.setter
    def raw(self, v):
        with self._lock:
            self._obj.raw = v
