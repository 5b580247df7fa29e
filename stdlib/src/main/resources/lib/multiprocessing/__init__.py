"""Process-based parallelism (Gilt).

A child process is a new Gilt interpreter (a JVM) started from the same installation; objects
cross as pickles, and the cross-process objects (queues, locks, events, pipes...) live in a
broker in the root process (the Java module _multiprocessing). The default start method is
'fork', emulated: the child receives the parent's picklable __main__ globals, so scripts
without an ``if __name__ == "__main__":`` guard work as on Linux. See docs/PROCESSES.md.
"""

import sys
from multiprocessing import context

__all__ = [x for x in dir(context._default_context) if not x.startswith('_')]
globals().update((name, getattr(context._default_context, name)) for name in __all__)

SUBDEBUG = 5
SUBWARNING = 25

# Spawned children run the parent's main file as __mp_main__; pickles that name it load there.
if '__main__' in sys.modules:
    sys.modules['__mp_main__'] = sys.modules['__main__']
