"""Spawn support: the names CPython's multiprocessing.spawn offers that programs call."""

import sys

__all__ = ['freeze_support', 'get_executable', 'set_executable', 'is_forking']


def freeze_support():
    """Nothing to do: Gilt programs are never frozen executables."""


def get_executable():
    return sys.executable


def set_executable(exe):
    """Accepted for compatibility; children always run the parent's Gilt."""


def is_forking(argv):
    return False
