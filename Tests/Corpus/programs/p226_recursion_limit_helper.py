import asyncio


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


async def main():
    semaphore = asyncio.Semaphore(1)
    async with semaphore:
        await asyncio.sleep(0.01)
        print("depth 500:", depth(500))
        print("depth 100000:", depth(100000))


asyncio.run(main())
