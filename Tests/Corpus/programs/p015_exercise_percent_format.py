import asyncio

TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
         ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return "%s:ok" % name


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return "%s:timeout" % name


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in TOOLS))
    for (name, delay), result in zip(TOOLS, results):
        print("%-10s delay=%.2fs %s" % (name, delay, result))
    n = sum(r.endswith(":timeout") for r in results)
    print("timeouts: %d/%d (%.1f%%)" % (n, len(results), 100.0 * n / len(results)))


asyncio.run(main())
