# From shared/seeds/001 ("2 ways to write asynchronous code", method 1: await a coroutine).
# The article's listing lost its line breaks ('return "data"async def main():'); restored.
import asyncio


async def fetch_data():
    print("Fetching data...")
    await asyncio.sleep(1)  # Simulate a network call
    print("Data fetched")
    return "data"


async def main():
    result = await fetch_data()  # Current coroutine pauses here
    print(f"Result: {result}")


asyncio.run(main())
