"""Runs a script under CPython with Gilt's Python stdlib modules (stdlib/src/main/resources/lib)
taking the place of CPython's own, so the pure-Python parts of Gilt's stdlib can be checked
against the real modules' output before Gilt itself can run them.

    python3 pyrun.py SCRIPT [ARGS...]

Modules that Gilt implements in Java (and CPython in C) are still CPython's here.
"""
import importlib.abc
import importlib.util
import os
import runpy
import sys

LIB = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', 'main', 'resources', 'lib'))


def _lib_names():
    names = set()
    for entry in os.listdir(LIB):
        if entry.endswith('.py'):
            names.add(entry[:-3])
        elif os.path.isfile(os.path.join(LIB, entry, '__init__.py')):
            names.add(entry)
    return names


class GiltLibFinder(importlib.abc.MetaPathFinder):
    def __init__(self, names):
        self.names = names

    def find_spec(self, fullname, path=None, target=None):
        top = fullname.split('.')[0]
        if top not in self.names:
            return None
        parts = fullname.split('.')
        base = os.path.join(LIB, *parts)
        if os.path.isfile(os.path.join(base, '__init__.py')):
            return importlib.util.spec_from_file_location(
                fullname, os.path.join(base, '__init__.py'), submodule_search_locations=[base])
        if os.path.isfile(base + '.py'):
            return importlib.util.spec_from_file_location(fullname, base + '.py')
        return None


def main():
    script = sys.argv[1]
    sys.argv = sys.argv[1:]
    names = _lib_names()
    for n in list(sys.modules):
        if n.split('.')[0] in names:
            del sys.modules[n]
    sys.meta_path.insert(0, GiltLibFinder(names))
    sys.path[0] = os.path.dirname(os.path.abspath(script))
    runpy.run_path(script, run_name='__main__')


if __name__ == '__main__':
    main()
