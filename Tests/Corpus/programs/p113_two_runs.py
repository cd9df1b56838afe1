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


async def batch(limit, timeout):
    semaphore = asyncio.Semaphore(limit)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0)]
    return await asyncio.gather(*(guarded_call(semaphore, n, d, timeout) for n, d in tools))


print("page:", asyncio.run(batch(2, 0.5)))
print("tight:", asyncio.run(batch(1, 0.15)))
