"""Keywords (from "Grammar/python.gram") -- Python 3.12."""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
    'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import',
    'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while',
    'with', 'yield'
]

softkwlist = ['_', 'case', 'match', 'type']

_kwset = frozenset(kwlist)
_softkwset = frozenset(softkwlist)


def iskeyword(s):
    """Return True if s is a Python keyword."""
    try:
        return s in _kwset
    except TypeError:
        return False


def issoftkeyword(s):
    """Return True if s is a Python soft keyword."""
    try:
        return s in _softkwset
    except TypeError:
        return False
