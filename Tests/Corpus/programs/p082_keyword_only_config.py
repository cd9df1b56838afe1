import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(name, delay, *, semaphore, timeout=0.15, label="timeout"):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:{label}"


async def run_batch(tools, *, limit=3, timeout=0.15):
    semaphore = asyncio.Semaphore(limit)
    return await asyncio.gather(*(guarded_call(n, d, semaphore=semaphore, timeout=timeout) for n, d in tools))


async def main():
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
             ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]
    results = await run_batch(tools)
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))
    try:
        await run_batch(tools, 3)
    except TypeError as error:
        print("TypeError:", error)


asyncio.run(main())
