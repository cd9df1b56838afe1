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


async def batch(timeout):
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("rerank", 0.05), ("upload", 0.4)]
    return await asyncio.gather(*(guarded_call(semaphore, n, d, timeout) for n, d in tools))


with asyncio.Runner() as runner:
    print(runner.run(batch(0.5)))
    print(runner.run(batch(0.15)))
    print(f"{runner.get_loop().time():.2f}")
