import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            async with asyncio.timeout(timeout):
                return await call_tool(name, delay)
        except TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, 0.15, 0.15) for n in "abcd"))
    print(results)


asyncio.run(main())
