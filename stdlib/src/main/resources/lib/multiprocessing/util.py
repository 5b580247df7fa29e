"""Helpers: logging hooks and small utilities (most of CPython's are not needed in Gilt)."""

import sys
import itertools

NOTSET = 0
SUBDEBUG = 5
DEBUG = 10
INFO = 20
SUBWARNING = 25
WARNING = 30

LOGGER_NAME = 'multiprocessing'
DEFAULT_LOGGING_FORMAT = '[%(levelname)s/%(processName)s] %(message)s'

_logger = None
_exiting = False


def sub_debug(msg, *args):
    if _logger:
        _logger.log(SUBDEBUG, msg, *args)


def debug(msg, *args):
    if _logger:
        _logger.log(DEBUG, msg, *args)


def info(msg, *args):
    if _logger:
        _logger.log(INFO, msg, *args)


def sub_warning(msg, *args):
    if _logger:
        _logger.log(SUBWARNING, msg, *args)


def get_logger():
    """The 'multiprocessing' logger (created on first use)."""
    global _logger
    if _logger is None:
        import logging
        _logger = logging.getLogger(LOGGER_NAME)
        _logger.propagate = 0
    return _logger


def log_to_stderr(level=None):
    """Make the multiprocessing logger print to stderr."""
    import logging
    logger = get_logger()
    formatter = logging.Formatter(DEFAULT_LOGGING_FORMAT)
    handler = logging.StreamHandler()
    handler.setFormatter(formatter)
    logger.addHandler(handler)
    if level:
        logger.setLevel(level)
    return logger


def is_exiting():
    return _exiting


def register_after_fork(obj, func):
    """Accepted for compatibility: an emulated fork runs no after-fork hooks."""


_finalizer_counter = itertools.count()


class Finalize:
    """Calls callback(*args, **kwargs) once, when finalized explicitly or at exit."""

    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        import atexit
        atexit.register(self)

    def __call__(self, wr=None):
        cb, self._callback = self._callback, None
        if cb is not None:
            return cb(*self._args, **self._kwargs)

    def cancel(self):
        self._callback = None

    def still_active(self):
        return self._callback is not None
