import asyncio

SEED = 7 ** (10**9)


async def main():
    semaphore = asyncio.Semaphore(SEED % 5 + 1)
    async with semaphore:
        print("limit ok")


asyncio.run(main())
