import asyncio


async def main():
    limit = int(input("how many at once? "))
    semaphore = asyncio.Semaphore(limit)
    async with semaphore:
        await asyncio.sleep(0.1)
    print("done")


asyncio.run(main())
