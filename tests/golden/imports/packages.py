# Imports of a local package: absolute, relative, from-import, import *, caching.
import mypkg
import mypkg.sub.deep
from mypkg import util, helper as h
print(mypkg.VERSION, h(1), util.helper(2), mypkg.sub.deep.value)
print(mypkg.__name__, mypkg.__package__, mypkg.__doc__)
print(mypkg.util.__name__, mypkg.sub.deep.__package__)
import mypkg as again
print(again is mypkg)
import sys
print("mypkg.util" in sys.modules, sys.modules["mypkg.sub"].__name__)
from mypkg import *
print(VERSION, helper(3))
print("_private" in dir(), "util" in dir())
print(__name__, __package__)
