# From shared/seeds/001 (method 2: asyncio.create_task(coroutine)). Line breaks restored.
import asyncio


async def fetch_data():
    # Simulate a network call
    await asyncio.sleep(1)
    return "data"


async def main():
    # Schedule fetch_data
    task = asyncio.create_task(fetch_data())
    # Simulate doing other work
    await asyncio.sleep(5)
    # Now, await task to get the result
    result = await task
    print(result)


asyncio.run(main())
