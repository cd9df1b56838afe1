import asyncio


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("rerank", 0.05)]
    sequential = [await guarded_call(semaphore, n, d, 0.15) for n, d in tools]
    print(sequential, f"{asyncio.get_running_loop().time():.2f}")
    concurrent = await asyncio.gather(*[guarded_call(semaphore, n, d, 0.15) for n, d in tools])
    print(concurrent, f"{asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
