import asyncio


TOOLS = [("a", 0.2), ("b", 0.2), ("c", 0.19), ("d", 0.2)]


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
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.2) for n, d in TOOLS))
    timeouts = sum(result.endswith(":timeout") for result in results)
    print(results)
    print("timeouts:", timeouts)


asyncio.run(main())
