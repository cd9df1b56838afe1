import asyncio

TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
         ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return "{}:ok".format(name)


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return "{0}:timeout".format(name)


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in TOOLS))
    print("results: {}".format(results))
    print("timeouts: {count} of {total}".format(count=sum(r.endswith(":timeout") for r in results), total=len(results)))
    print("{:>12}|{:^9}|{:<6}|".format("name", "delay", "ok?"))
    for (name, delay), r in zip(TOOLS, results):
        print("{:>12}|{:^9.3f}|{!s:<6}|".format(name, delay, r.endswith(":ok")))


asyncio.run(main())
