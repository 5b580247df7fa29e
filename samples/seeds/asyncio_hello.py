# From "Guide to understanding Concurrency & Parallelism in Python" (shared/seeds/002),
# "Using Asyncio for I/O Bound Tasks". The article defines hello() but creates the tasks from
# say_hello(), a name it never defines; the tasks here use hello(), the coroutine it means.
import asyncio


async def hello():
    print("Hello...")
    await asyncio.sleep(2)  # seconds
    print("...World!")


async def main():
    task1 = asyncio.create_task(hello())
    task2 = asyncio.create_task(hello())
    await task1
    await task2


asyncio.run(main())
