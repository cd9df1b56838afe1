"""flaky failed with HTTP 503: gather(return_exceptions=True) keeps the other results and names it."""
import asyncio

TOOLS = [("search", 0.1), ("flaky", 0.15), ("database", 0.2), ("rerank", 0.1)]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name == "flaky":
        raise RuntimeError("HTTP 503")
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    raw = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.5) for n, d in TOOLS), return_exceptions=True)
    results = [f"{n}:error" if isinstance(r, Exception) else r for (n, _), r in zip(TOOLS, raw)]
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
