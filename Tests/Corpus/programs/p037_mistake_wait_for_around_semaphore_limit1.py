import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async def inner():
        async with semaphore:
            return await call_tool(name, delay)
    try:
        return await asyncio.wait_for(inner(), timeout)
    except asyncio.TimeoutError:
        return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(1)
    names = ["a", "b", "c", "d", "e"]
    results = await asyncio.gather(*(guarded_call(semaphore, n, 0.1, 0.25) for n in names))
    print(results)


asyncio.run(main())
