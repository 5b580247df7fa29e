"""A package for the import tests."""
print("init mypkg", __name__, __package__)
from . import util
from .util import helper
__all__ = ["helper", "VERSION"]
VERSION = "1.0"
_private = True
