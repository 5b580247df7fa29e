# From seed article 001, "Other important points": blocking code offloaded to a thread with
# asyncio.to_thread(), while the event loop runs in the main thread. (The article splits
# "import time" and "def sync_task" over one line; restored here.)
import asyncio
import time


def sync_task():
    time.sleep(2)
    return "Completed"


async def main():
    result = await asyncio.to_thread(sync_task)
    print(result)


asyncio.run(main())
