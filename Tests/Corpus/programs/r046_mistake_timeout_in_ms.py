import asyncio

TIMEOUT_MS = 300


async def call_tool(name, delay_ms):
    await asyncio.sleep(delay_ms / 1000)
    return f"{name}:ok"


async def guarded(sem, name, delay_ms):
    async with sem:
        try:
            return await asyncio.wait_for(call_tool(name, delay_ms), timeout=TIMEOUT_MS)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    sem = asyncio.Semaphore(3)
    plan = {"search": 120, "database": 250, "llm": 1800, "vision": 950, "cache": 5}
    results = await asyncio.gather(*(guarded(sem, n, d) for n, d in plan.items()))
    print(results)
    timeouts = sum(r.endswith("timeout") for r in results)
    print(f"{timeouts} of {len(results)} timed out (expected 2 with a {TIMEOUT_MS} ms limit)")
    print(f"elapsed: {asyncio.get_running_loop().time() * 1000:.0f} ms")
    assert timeouts == 2, f"expected 2 timeouts, got {timeouts}"


asyncio.run(main())
