"""Create portable serialized representations of Python objects (Gilt).

The protocol engine is the Java module _pickle (the same opcodes as CPython, so pickles move
between Gilt and CPython both ways); this module adds the Pickler and Unpickler classes, which
subclasses customise with persistent_id, reducer_override, dispatch_table, find_class and
persistent_load, as in CPython.
"""

import _pickle
from _pickle import (PickleError, PicklingError, UnpicklingError, HIGHEST_PROTOCOL,
                     DEFAULT_PROTOCOL, dumps, loads, dump, load)

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler",
           "dump", "dumps", "load", "loads", "PickleBuffer", "HIGHEST_PROTOCOL",
           "DEFAULT_PROTOCOL"]

format_version = "5.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]


class Pickler:
    """Pickler(file, protocol=None, *, fix_imports=True, buffer_callback=None): writes
    pickles to file.write; the memo is kept across dump() calls until clear_memo()."""

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        self._proto = _pickle._check_protocol(protocol)
        if buffer_callback is not None and self._proto < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None
        self._fix_imports = bool(fix_imports)
        self._buffer_callback = buffer_callback
        self._memo = _pickle.PicklerMemo()
        self.bin = self._proto >= 1
        self.fast = 0

    def dump(self, obj):
        """Write a pickled representation of obj to the open file."""
        if not hasattr(self, "_memo"):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % (type(self).__name__,))
        _pickle._dump_with(self, obj)

    def clear_memo(self):
        """Clears the pickler's "memo" (objects already written are written again)."""
        self._memo.clear()


class Unpickler:
    """Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=()):
    reads pickles from file.read/file.readline."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict",
                 buffers=()):
        if not (hasattr(file, "read") and hasattr(file, "readline")):
            raise TypeError("file must have 'read' and 'readline' attributes")
        self._file = file
        self._buffers = iter(buffers) if buffers is not None else None
        self._fix_imports = bool(fix_imports)
        self._encoding = encoding
        self._errors = errors
        self._memo = _pickle.UnpicklerMemo()

    def load(self):
        """Read a pickled object representation from the open file."""
        if not hasattr(self, "_memo"):
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                  % (type(self).__name__,))
        return _pickle._load_with(self, type(self).find_class is not Unpickler.find_class)

    def find_class(self, module, name):
        """Return the object module.name (importing module), as the unpickler does."""
        return _pickle._find_class(self._fix_imports, module, name)


class PickleBuffer:
    """Wrapper for a buffer given to protocol 5 out of band (a minimal Gilt version)."""

    def __init__(self, buffer):
        self._view = memoryview(buffer)

    def raw(self):
        return self._view.cast("B") if hasattr(self._view, "cast") else self._view

    def release(self):
        self._view = None

    def __reduce_ex__(self, protocol):
        data = self._view.tobytes()
        if isinstance(self._view.obj, bytearray):
            return bytearray, (data,)
        return bytes, (data,)
