import asyncio

TOOLS = [
    {"name": "search", "delay": 0.1, "retries": 2},
    {"name": "database", "delay": 0.2},
    {"name": "slow_tool", "delay": 1.0, "owner": "ops", "retries": 0},
    {"name": "rerank", "delay": 0.05, "model": "small"},
    {"tool": "broken"},
]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout=0.15):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    calls = []
    for spec in TOOLS:
        match spec:
            case {"name": name, "delay": delay, **rest}:
                print(f"{name}: delay={delay} extra={rest}")
                calls.append(guarded_call(semaphore, name, delay))
            case _:
                print("skipping", spec)
    results = await asyncio.gather(*calls)
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
