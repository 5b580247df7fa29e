# Exceptions nobody retrieves are logged on stderr when the task or future dies, as CPython
# does; exception handlers see the same context.
import asyncio


async def boom():
    raise ValueError("nobody looks at me")


async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print("task done:", t.done())
    del t  # the last reference: the unretrieved exception is logged now
    print("after del")

    f = asyncio.get_running_loop().create_future()
    f.set_exception(KeyError("future key"))
    del f
    print("after del future")

    # retrieved exceptions are not logged
    t = asyncio.create_task(boom())
    await asyncio.sleep(0)
    print("retrieved:", repr(t.exception()))
    del t

    print("end of main")


asyncio.run(main())
print("after run")
