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
    semaphore = asyncio.Semaphore(3)
    tools = [("a", 0.2), ("b", 0.2), ("c", 0.19), ("d", 0.2), ("e", 0.21), ("f", 0.2)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.2) for n, d in tools))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
