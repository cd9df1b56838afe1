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
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(
        guarded_call(semaphore, "instant", 0, 0),
        guarded_call(semaphore, "quick", 0.01, 0),
        guarded_call(semaphore, "negative", 0.01, -1),
        guarded_call(semaphore, "none", 0.01, None),
    )
    print(results)


asyncio.run(main())
