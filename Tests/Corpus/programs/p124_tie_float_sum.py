import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(1)
    # 0.1 + 0.2 is not 0.3 in floating point
    print(0.1 + 0.2 == 0.3, 0.1 + 0.2)
    results = await asyncio.gather(
        guarded_call(semaphore, "x", 0.1 + 0.2, 0.3),
        guarded_call(semaphore, "y", 0.3, 0.1 + 0.2),
        guarded_call(semaphore, "z", 0.7, 0.1 * 7),
    )
    print(results)


asyncio.run(main())
