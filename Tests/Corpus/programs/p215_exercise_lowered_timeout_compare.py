import asyncio

TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
         ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def run(limit, timeout):
    semaphore = asyncio.Semaphore(limit)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, timeout) for n, d in TOOLS))
    return sum(r.endswith(":timeout") for r in results)


async def main():
    before = await run(2, 0.5)
    after = await run(3, 0.15)
    print(f"Semaphore(2), timeout 0.5 : {before} timeouts")
    print(f"Semaphore(3), timeout 0.15: {after} timeouts")
    print("difference:", after - before)


asyncio.run(main())
