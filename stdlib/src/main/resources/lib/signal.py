"""Set handlers for asynchronous events.

The functions come from _signal; this module turns signal numbers and the SIG_* handler values
into the IntEnums Signals, Handlers and Sigmasks, as CPython's signal module does.
"""

import _signal
from _signal import *
from enum import IntEnum as _IntEnum


def _members(predicate):
    found = [(name, value) for name, value in vars(_signal).items() if predicate(name)]
    # Sorted by value, then name: the first name of a value is the canonical member (SIGABRT
    # before its alias SIGIOT, SIGIO before SIGPOLL).
    found.sort(key=lambda item: (item[1], item[0]))
    return found


Signals = _IntEnum('Signals', _members(
    lambda n: n.isupper() and n.startswith('SIG') and not n.startswith('SIG_')), module=__name__)
Handlers = _IntEnum('Handlers', _members(lambda n: n in ('SIG_DFL', 'SIG_IGN')), module=__name__)
Sigmasks = _IntEnum('Sigmasks', _members(
    lambda n: n in ('SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK')), module=__name__)

_module_globals = globals()
for _enum in (Signals, Handlers, Sigmasks):
    _module_globals.update(_enum.__members__)
del _module_globals, _enum


class ItimerError(OSError):
    pass


ItimerError.__name__ = ItimerError.__qualname__ = 'itimer_error'


def _int_to_enum(value, enum_klass):
    """The enum member for value if there is one, else value unchanged."""
    if not isinstance(value, int):
        return value
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    """int(value) for an IntEnum member (or any int-like), other objects unchanged."""
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    old = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(old, Handlers)


def getsignal(signalnum):
    return _int_to_enum(_signal.getsignal(signalnum), Handlers)


def pthread_sigmask(how, mask):
    old = _signal.pthread_sigmask(how, mask)
    return {_int_to_enum(x, Signals) for x in old}


def sigpending():
    return {_int_to_enum(x, Signals) for x in _signal.sigpending()}


def valid_signals():
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}


def _check_which(which):
    if which not in (ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF):
        raise ItimerError(22, 'Invalid argument')


def setitimer(which, seconds, interval=0.0):
    _check_which(which)
    return _signal.setitimer(which, seconds, interval)


def getitimer(which):
    _check_which(which)
    return _signal.getitimer(which)

