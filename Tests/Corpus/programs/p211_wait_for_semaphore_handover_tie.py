import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def limited(semaphore, name, delay):
    async with semaphore:
        return await call_tool(name, delay)


async def guarded_call(semaphore, name, delay, timeout):
    try:
        return await asyncio.wait_for(limited(semaphore, name, delay), timeout)
    except asyncio.TimeoutError:
        return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    tools = [("a", 0.1), ("b", 0.2), ("c", 0.1), ("d", 0.1), ("e", 0.1)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.2) for n, d in tools))
    print(results)


asyncio.run(main())
