"""asyncio.to_thread: run a blocking function in the default executor's threads."""

__all__ = ('to_thread',)

from . import _compat
from . import events


async def to_thread(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) in a separate thread and return its result.

    The current context (contextvars, where available) is propagated to the thread.
    """
    loop = events.get_running_loop()
    copy_context = _compat.copy_context
    if copy_context is not None:
        ctx = copy_context()

        def call():
            return ctx.run(func, *args, **kwargs)
    elif kwargs:
        def call():
            return func(*args, **kwargs)
    else:
        return await loop.run_in_executor(None, func, *args)
    return await loop.run_in_executor(None, call)
