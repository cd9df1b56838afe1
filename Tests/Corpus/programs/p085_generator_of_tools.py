import asyncio


def tool_specs(n, base=0.04):
    for i in range(n):
        yield f"tool_{i + 1:02d}", round(base * (i + 1), 2)


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
    specs = list(tool_specs(8))
    print(specs)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in specs))
    print(results)
    timeouts = sum(1 for r in results if r.endswith(":timeout"))
    print("timeouts:", timeouts)
    gen = (r for r in results if r.endswith(":ok"))
    print(next(gen), next(gen), len(list(gen)))


asyncio.run(main())
