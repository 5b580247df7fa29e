# From shared/seeds/001 (offloading blocking code with asyncio.to_thread). The article's
# listing ran two lines together ('import timedef sync_task():'); restored.
import asyncio
import time


def sync_task():
    time.sleep(2)
    return "Completed"


async def main():
    result = await asyncio.to_thread(sync_task)
    print(result)


asyncio.run(main())
