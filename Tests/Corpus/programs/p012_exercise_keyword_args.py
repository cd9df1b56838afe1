import asyncio


async def call_tool(*, name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, *, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name=name, delay=delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    specs = [dict(name="search", delay=0.1), dict(name="database", delay=0.2),
             dict(name="slow_tool", delay=1.0), dict(name="rerank", delay=0.05),
             dict(name="embed", delay=0.12), dict(name="upload", delay=0.4),
             dict(name="weather", delay=0.08), dict(name="model_api", delay=0.3)]
    results = await asyncio.gather(*(guarded_call(semaphore, **spec, timeout=0.15) for spec in specs))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
