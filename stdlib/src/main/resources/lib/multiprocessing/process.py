"""Process objects: BaseProcess, current_process(), parent_process(), active_children()."""

import os
import sys
import itertools
import _multiprocessing as _mp

__all__ = ['BaseProcess', 'current_process', 'active_children', 'parent_process']

# The exit code of a process killed by a signal is -N; repr shows the signal's name.
_exitcode_to_name = {-1: '-SIGHUP', -2: '-SIGINT', -3: '-SIGQUIT', -4: '-SIGILL', -5: '-SIGTRAP',
                     -6: '-SIGABRT', -7: '-SIGBUS', -8: '-SIGFPE', -9: '-SIGKILL', -10: '-SIGUSR1',
                     -11: '-SIGSEGV', -12: '-SIGUSR2', -13: '-SIGPIPE', -14: '-SIGALRM',
                     -15: '-SIGTERM', -17: '-SIGCHLD', -18: '-SIGCONT', -19: '-SIGSTOP'}


def current_process():
    """The Process object of the process running this code."""
    return _current_process


def active_children():
    """The children of this process that are still running (finished ones are reaped)."""
    _cleanup()
    return list(_children)


def parent_process():
    """The parent's Process object in a child, None in the main process."""
    return _parent_process


def _cleanup():
    for p in list(_children):
        if p._popen is not None and p._popen.poll() is not None:
            _children.discard(p)


class BaseProcess:
    """A process running target(*args, **kwargs) (or a subclass's run())."""

    def _Popen(self):
        raise NotImplementedError

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        """What the child runs: target(*args, **kwargs); subclasses may override."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Start the child process."""
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), \
            'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), \
            'daemonic processes are not allowed to have children'
        if _mp.is_bootstrapping():
            raise RuntimeError(_BOOTSTRAP_ERROR)
        _cleanup()
        self._popen = self._Popen(self)
        self._sentinel = self._popen.sentinel
        # The child has its own copies; the parent keeps no references (as CPython).
        del self._target, self._args, self._kwargs
        _children.add(self)
        _register_exit()

    def terminate(self):
        """Terminate the process (SIGTERM)."""
        self._check_closed()
        self._popen.terminate()

    def kill(self):
        """Kill the process (SIGKILL)."""
        self._check_closed()
        self._popen.kill()

    def join(self, timeout=None):
        """Wait until the process ends, or until timeout seconds have passed."""
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        res = self._popen.wait(timeout)
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        """Whether the process is running."""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        if self._popen.poll() is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        """Release what the Process object holds; it must have finished."""
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen = None
            del self._sentinel
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config['authkey']

    @authkey.setter
    def authkey(self, authkey):
        self._config['authkey'] = AuthenticationString(authkey)

    @property
    def exitcode(self):
        """None while running; the exit code after (-N for a death by signal N)."""
        self._check_closed()
        if self._popen is None:
            return self._popen
        return self._popen.poll()

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._popen.poll()
            status = 'started' if exitcode is None else 'stopped'
        info = [self._repr_type(), 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._popen.pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % _exitcode_to_name.get(exitcode, exitcode))
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _repr_type(self):
        return type(self).__name__


_BOOTSTRAP_ERROR = '''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        '''


class AuthenticationString(bytes):
    def __reduce__(self):
        from .context import get_spawning_popen
        if get_spawning_popen() is None:
            raise TypeError('Pickling an AuthenticationString object is '
                            'disallowed for security reasons')
        return AuthenticationString, (bytes(self),)


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {'authkey': AuthenticationString(os.urandom(32)),
                        'semprefix': '/mp'}

    def close(self):
        pass


class _ChildProcess(BaseProcess):
    """current_process() in a child started with a plain target: built from what the parent sent."""

    def __init__(self, info):
        self._identity = tuple(info.get('identity', ()))
        self._name = info.get('name', 'Process')
        self._parent_pid = info.get('parent_pid')
        self._popen = None
        self._closed = False
        self._config = {'authkey': AuthenticationString(info.get('authkey', b'')),
                        'semprefix': '/mp', 'daemon': info.get('daemon', False)}
        self._type_name = info.get('class_name', 'Process')

    def _repr_type(self):
        return self._type_name


class _ParentProcess(BaseProcess):
    def __init__(self, name, pid):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {}

    def is_alive(self):
        try:
            os.kill(self._pid, 0)
        except Exception:
            return False
        return True

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        import time
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.is_alive():
            if deadline is not None and time.monotonic() >= deadline:
                return
            time.sleep(0.05)


def _child_run(process_obj):
    """The target of a child whose Process class overrides run(): it becomes current_process()."""
    global _current_process
    _current_process = process_obj
    process_obj._parent_pid = _parent_process.pid if _parent_process is not None else None
    process_obj.run()


_info = _mp.child_info()
if _info is None:
    _current_process = _MainProcess()
    _parent_process = None
else:
    _current_process = _ChildProcess(_info)
    _parent_process = _ParentProcess(_info.get('parent_name', 'MainProcess'), _info.get('parent_pid'))
del _info
_process_counter = itertools.count(1)
_children = set()

_exit_registered = False


def _register_exit():
    global _exit_registered
    if not _exit_registered:
        _exit_registered = True
        import atexit
        atexit.register(_exit_function)


def _exit_function():
    """At exit: terminate daemonic children, then wait for the others (CPython's order)."""
    for p in active_children():
        if p.daemon:
            p._popen.terminate()
    for p in active_children():
        p.join()
