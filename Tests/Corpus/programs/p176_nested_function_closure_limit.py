import asyncio


def make_guard(limit, timeout):
    semaphore = asyncio.Semaphore(limit)

    async def guard(name, delay):
        async with semaphore:
            try:
                await asyncio.wait_for(asyncio.sleep(delay), timeout)
                return f"{name}:ok"
            except asyncio.TimeoutError:
                return f"{name}:timeout"
    return guard


async def main():
    guard = make_guard(3, 0.15)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
             ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]
    results = await asyncio.gather(*(guard(*t) for t in tools))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
