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


def build_calls(semaphore, timeout):
    for name, delay in TOOLS:
        yield guarded_call(semaphore, name, delay, timeout)


async def main():
    results = await asyncio.gather(*build_calls(asyncio.Semaphore(3), 0.15))
    ok = [r for r in results if r.endswith(":ok")]
    print(results)
    print("ok:", len(ok), "timeouts:", len(results) - len(ok))


asyncio.run(main())
