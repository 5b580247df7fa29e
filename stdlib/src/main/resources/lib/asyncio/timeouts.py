"""asyncio.timeout() and asyncio.timeout_at() (3.11).

A Timeout cancels the task that entered it when its deadline (on the loop's clock) passes, and
turns the resulting CancelledError into TimeoutError when the block exits — but only if no
other cancel() request arrived meanwhile (the task's cancelling() count, taken back with
uncancel(), tells them apart).

States: created -> active -> (expiring -> expired | finished).
"""

__all__ = ("Timeout", "timeout", "timeout_at")

from . import events
from . import exceptions
from . import tasks


class _State:
    """A state of a Timeout; like CPython's enum members it has .name and .value."""
    __slots__ = ("name", "value")

    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __repr__(self):
        return f"<_State.{self.name}: {self.value!r}>"


_CREATED = _State("CREATED", "created")
_ENTERED = _State("ENTERED", "active")
_EXPIRING = _State("EXPIRING", "expiring")
_EXPIRED = _State("EXPIRED", "expired")
_EXITED = _State("EXITED", "finished")


class Timeout:
    """The async context manager behind timeout()/timeout_at(); build it through those."""

    def __init__(self, when):
        self._state = _CREATED
        self._timeout_handler = None
        self._task = None
        self._when = when
        self._cancelling = 0

    def when(self):
        """The deadline (loop time), or None."""
        return self._when

    def reschedule(self, when):
        """Move the deadline (None: no deadline). Only while the block runs."""
        state = self._state
        if state is not _ENTERED:
            if state is _CREATED:
                raise RuntimeError("Timeout has not been entered")
            raise RuntimeError(f"Cannot change state of {state.value} Timeout")
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if when is not None:
            loop = events.get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        """True once the deadline has fired."""
        return self._state is _EXPIRING or self._state is _EXPIRED

    def __repr__(self):
        extra = ''
        if self._state is _ENTERED:
            when = None if self._when is None else round(self._when, 3)
            extra = f' when={when}'
        return f"<Timeout [{self._state.value}]{extra}>"

    async def __aenter__(self):
        if self._state is not _CREATED:
            raise RuntimeError("Timeout has already been entered")
        task = tasks.current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._state = _ENTERED
        self._task = task
        self._cancelling = task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        assert self._state is _ENTERED or self._state is _EXPIRING
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None

        if self._state is _ENTERED:
            self._state = _EXITED
            return None

        self._state = _EXPIRED
        # Our cancel() is taken back; if nothing else asked to cancel the task, the
        # CancelledError it caused becomes TimeoutError.
        if (self._task.uncancel() <= self._cancelling and exc_type is not None
                and issubclass(exc_type, exceptions.CancelledError)):
            raise TimeoutError from exc_val
        return None

    def _on_timeout(self):
        assert self._state is _ENTERED
        self._task.cancel()
        self._state = _EXPIRING
        self._timeout_handler = None


def timeout(delay):
    """``async with timeout(delay):`` raises TimeoutError if the block outlasts delay seconds.

    delay None means no deadline (it can be set later with reschedule()).
    """
    loop = events.get_running_loop()
    return Timeout(None if delay is None else loop.time() + delay)


def timeout_at(when):
    """Like timeout(), with an absolute deadline on the loop.time() clock."""
    return Timeout(when)
