import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return name, delay


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            n, d = await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
            return (n, "ok", d)
        except asyncio.TimeoutError:
            return (name, "timeout", delay)


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
             ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    for name, status, delay in sorted(results, key=lambda r: (r[1], -r[2])):
        print(f"{name:<12}{status:>8}{delay:>6.2f}")
    print("timeouts:", [r[1] for r in results].count("timeout"))


asyncio.run(main())
