"""The 'asyncio' logger: logging.getLogger('asyncio'), or a stand-in writing to stderr.

The stand-in prints what logging's last-resort handler prints for an unconfigured program
(level WARNING and above, the bare message, then the traceback), so output matches CPython's
when the logging module is missing.
"""

import sys

from . import _compat

_DEBUG, _INFO, _WARNING, _ERROR, _CRITICAL = 10, 20, 30, 40, 50


class _StderrLogger:
    name = __package__
    level = _WARNING

    def isEnabledFor(self, level):
        return level >= self.level

    def setLevel(self, level):
        self.level = level

    def log(self, level, msg, *args, exc_info=None, **kwargs):
        if level < self.level:
            return
        if args:
            msg = msg % args
        err = sys.stderr
        if err is None:
            return
        err.write(str(msg) + '\n')
        if exc_info:
            if isinstance(exc_info, BaseException):
                exc = exc_info
            elif isinstance(exc_info, tuple):
                exc = exc_info[1]
            else:
                exc = sys.exc_info()[1]
            if exc is not None:
                _compat.print_exception(exc, err)
        try:
            err.flush()
        except Exception:
            pass

    def debug(self, msg, *args, **kwargs):
        self.log(_DEBUG, msg, *args, **kwargs)

    def info(self, msg, *args, **kwargs):
        self.log(_INFO, msg, *args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        self.log(_WARNING, msg, *args, **kwargs)

    def error(self, msg, *args, **kwargs):
        self.log(_ERROR, msg, *args, **kwargs)

    def critical(self, msg, *args, **kwargs):
        self.log(_CRITICAL, msg, *args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.log(_ERROR, msg, *args, exc_info=exc_info, **kwargs)


try:
    import logging as _logging
except ImportError:
    _logging = None

logger = _logging.getLogger(__package__) if _logging is not None else _StderrLogger()
