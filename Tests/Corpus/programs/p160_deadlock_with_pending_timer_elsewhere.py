import asyncio


async def ticker():
    for i in range(3):
        await asyncio.sleep(0.1)
        print("tick", i)


async def main():
    semaphore = asyncio.Semaphore(0)
    asyncio.create_task(ticker())
    async with semaphore:
        print("unreachable")


asyncio.run(main())
