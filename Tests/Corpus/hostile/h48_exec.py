import asyncio

exec('LIMIT = 3')


async def main():
    semaphore = asyncio.Semaphore(LIMIT)
    async with semaphore:
        await asyncio.sleep(0.1)
    print("limit", LIMIT)


asyncio.run(main())
