"""asyncio for Gilt: an event loop, coroutines as tasks, futures, synchronization, queues and
TCP streams over loopback.

Written for Gilt (the package also runs on CPython, which is how it is developed and tested:
the platform pieces come from the Java module _asyncio_loop under Gilt and from the CPython
standard library otherwise; see _compat). Behaviour follows CPython 3.12's asyncio; what is
missing is listed in docs/ASYNC.md.
"""

import sys

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .protocols import *
from .queues import *
from .runners import *
from .streams import *
from .taskgroups import *
from .tasks import *
from .threads import *
from .timeouts import *
from .transports import *
from .selector_events import *
from .selector_events import DefaultEventLoopPolicy

__all__ = (base_events.__all__ +
           coroutines.__all__ +
           events.__all__ +
           exceptions.__all__ +
           futures.__all__ +
           locks.__all__ +
           protocols.__all__ +
           runners.__all__ +
           queues.__all__ +
           streams.__all__ +
           taskgroups.__all__ +
           tasks.__all__ +
           threads.__all__ +
           timeouts.__all__ +
           transports.__all__ +
           selector_events.__all__ +
           ('DefaultEventLoopPolicy',))
