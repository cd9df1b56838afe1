import asyncio


async def main():
    limit = -1
    print("creating semaphore with", limit)
    semaphore = asyncio.Semaphore(limit)
    async with semaphore:
        await asyncio.sleep(0.1)


asyncio.run(main())
