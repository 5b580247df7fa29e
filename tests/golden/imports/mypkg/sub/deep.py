from .. import VERSION
from ..util import helper
value = helper(VERSION)
