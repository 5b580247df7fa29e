"""Contexts and start methods: get_context, set_start_method, and the factory functions."""

import os
import sys
import _multiprocessing as _mp
from multiprocessing import process

__all__ = ()


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


def get_spawning_popen():
    """The token of the child being started by this thread, or None (used by assert_spawning)."""
    return _mp.spawning_token()


def assert_spawning(obj):
    if get_spawning_popen() is None:
        raise RuntimeError(
            '%s objects should only be shared between processes'
            ' through inheritance' % type(obj).__name__)


class BaseContext:
    """The multiprocessing API bound to one start method."""

    ProcessError = ProcessError
    BufferTooShort = BufferTooShort
    TimeoutError = TimeoutError
    AuthenticationError = AuthenticationError

    current_process = staticmethod(process.current_process)
    parent_process = staticmethod(process.parent_process)
    active_children = staticmethod(process.active_children)

    def cpu_count(self):
        """Number of CPUs in the system."""
        num = os.cpu_count()
        if num is None:
            raise NotImplementedError('cannot determine number of cpus')
        return num

    def Manager(self):
        """A manager process holding shared objects (dict, list, Namespace, Queue, Lock...)."""
        from .managers import SyncManager
        m = SyncManager(ctx=self.get_context())
        m.start()
        return m

    def Pipe(self, duplex=True):
        """Two Connection objects joined by a pipe."""
        from .connection import Pipe
        return Pipe(duplex)

    def Lock(self):
        from .synchronize import Lock
        return Lock(ctx=self.get_context())

    def RLock(self):
        from .synchronize import RLock
        return RLock(ctx=self.get_context())

    def Condition(self, lock=None):
        from .synchronize import Condition
        return Condition(lock, ctx=self.get_context())

    def Semaphore(self, value=1):
        from .synchronize import Semaphore
        return Semaphore(value, ctx=self.get_context())

    def BoundedSemaphore(self, value=1):
        from .synchronize import BoundedSemaphore
        return BoundedSemaphore(value, ctx=self.get_context())

    def Event(self):
        from .synchronize import Event
        return Event(ctx=self.get_context())

    def Barrier(self, parties, action=None, timeout=None):
        from .synchronize import Barrier
        return Barrier(parties, action, timeout, ctx=self.get_context())

    def Queue(self, maxsize=0):
        from .queues import Queue
        return Queue(maxsize, ctx=self.get_context())

    def JoinableQueue(self, maxsize=0):
        from .queues import JoinableQueue
        return JoinableQueue(maxsize, ctx=self.get_context())

    def SimpleQueue(self):
        from .queues import SimpleQueue
        return SimpleQueue(ctx=self.get_context())

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        """A pool of worker processes."""
        from .pool import Pool
        return Pool(processes, initializer, initargs, maxtasksperchild, context=self.get_context())

    def RawValue(self, typecode_or_type, *args):
        from .sharedctypes import RawValue
        return RawValue(typecode_or_type, *args)

    def RawArray(self, typecode_or_type, size_or_initializer):
        from .sharedctypes import RawArray
        return RawArray(typecode_or_type, size_or_initializer)

    def Value(self, typecode_or_type, *args, lock=True):
        from .sharedctypes import Value
        return Value(typecode_or_type, *args, lock=lock, ctx=self.get_context())

    def Array(self, typecode_or_type, size_or_initializer, *, lock=True):
        from .sharedctypes import Array
        return Array(typecode_or_type, size_or_initializer, lock=lock, ctx=self.get_context())

    def freeze_support(self):
        """Nothing to do: Gilt programs are never frozen executables."""

    def get_logger(self):
        from .util import get_logger
        return get_logger()

    def log_to_stderr(self, level=None):
        from .util import log_to_stderr
        return log_to_stderr(level)

    def allow_connection_pickling(self):
        """Connections always pickle (to children) in Gilt."""

    def set_executable(self, executable):
        """Accepted for compatibility; children always run the parent's Gilt."""

    def set_forkserver_preload(self, module_names):
        """Accepted for compatibility (there is no forkserver)."""

    def get_context(self, method=None):
        if method is None:
            return self
        try:
            ctx = _concrete_contexts[method]
        except KeyError:
            raise ValueError('cannot find context for %r' % method) from None
        return ctx

    def get_start_method(self, allow_none=False):
        return self._name

    def set_start_method(self, method, force=False):
        raise ValueError('cannot set start method of concrete context')

    @property
    def reducer(self):
        return globals().get('reduction')

    def _check_available(self):
        pass


class Process(process.BaseProcess):
    """Process of the default context: started with the current default start method."""
    _start_method = None

    @staticmethod
    def _Popen(process_obj):
        return _default_context.get_context().Process._Popen(process_obj)


class _Popen:
    """A started child (the parent's handle): pid, poll, wait, terminate, kill."""

    def __init__(self, process_obj, method):
        self.method = method
        self.returncode = None
        main = sys.modules.get('__main__')
        main_path = getattr(main, '__file__', None) if method == 'spawn' else None
        if main_path is not None:
            main_path = os.path.abspath(main_path)
        prep = {
            'name': process_obj._name,
            'identity': process_obj._identity,
            'parent_pid': os.getpid(),
            'parent_name': process.current_process().name,
            'daemon': process_obj.daemon,
            'authkey': bytes(process_obj.authkey),
            'sys_path': list(sys.path),
            'sys_argv': list(sys.argv),
            'cwd': os.getcwd(),
            'main_path': main_path,
            'class_name': type(process_obj).__name__,
        }
        if type(process_obj).run is process.BaseProcess.run:
            part = ('call', process_obj._target, process_obj._args, process_obj._kwargs)
        else:
            part = ('call', process._child_run, (process_obj,), {})
        self._child = _mp.start_child(method, prep, part)
        self.pid = self._child.pid
        self.sentinel = self.pid

    def poll(self, flag=None):
        if self.returncode is None:
            self.returncode = self._child.poll()
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            if timeout is not None and timeout < 0:
                timeout = 0
            self.returncode = self._child.wait(timeout)
        return self.returncode

    def terminate(self):
        if self.returncode is None:
            self._child.terminate()

    def kill(self):
        if self.returncode is None:
            self._child.kill()

    def close(self):
        pass


class ForkProcess(process.BaseProcess):
    _start_method = 'fork'

    @staticmethod
    def _Popen(process_obj):
        return _Popen(process_obj, 'fork')


class SpawnProcess(process.BaseProcess):
    _start_method = 'spawn'

    @staticmethod
    def _Popen(process_obj):
        return _Popen(process_obj, 'spawn')


class ForkContext(BaseContext):
    _name = 'fork'
    Process = ForkProcess


class SpawnContext(BaseContext):
    _name = 'spawn'
    Process = SpawnProcess


class DefaultContext(BaseContext):
    """The module-level API: a concrete context chosen by set_start_method (default 'fork')."""
    Process = Process

    def __init__(self, context):
        self._default_context = context
        self._actual_context = None

    def get_context(self, method=None):
        if method is None:
            if self._actual_context is None:
                self._actual_context = self._default_context
            return self._actual_context
        return super().get_context(method)

    def set_start_method(self, method, force=False):
        if self._actual_context is not None and not force:
            raise RuntimeError('context has already been set')
        if method is None and force:
            self._actual_context = None
            return
        self._actual_context = self.get_context(method)

    def get_start_method(self, allow_none=False):
        if self._actual_context is None:
            if allow_none:
                return None
            self._actual_context = self._default_context
        return self._actual_context._name

    def get_all_start_methods(self):
        """The start methods Gilt offers: 'fork' (emulated) and 'spawn'."""
        return ['fork', 'spawn']


_concrete_contexts = {'fork': ForkContext(), 'spawn': SpawnContext()}
_default_context = DefaultContext(_concrete_contexts['fork'])
