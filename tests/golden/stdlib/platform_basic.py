# platform: only machine-independent facts are printed.
import os
import platform
import sys

u = platform.uname()
print(len(u), u._fields)
print(u.system == os.uname().sysname == platform.system() == u[0])
print(u.node == os.uname().nodename, u.release == os.uname().release, u.machine == os.uname().machine)
print(list(u)[:5] == [u.system, u.node, u.release, u.version, u.machine])
print(repr(u).startswith("uname_result(system="), 'processor' not in repr(u))
print(platform.architecture()[0] in ('32bit', '64bit'))
print(platform.python_version() == '%d.%d.%d' % sys.version_info[:3])
print(platform.python_version_tuple() == tuple(str(x) for x in sys.version_info[:3]))
print(platform.platform().startswith(platform.system()))
print(platform._platform('a b', '', 'c/d', 'unknown', 'x(y)', ''))
lib, ver = platform.libc_ver()
print(isinstance(lib, str), isinstance(ver, str))
print(type(platform.python_implementation()).__name__, type(platform.python_compiler()).__name__)
