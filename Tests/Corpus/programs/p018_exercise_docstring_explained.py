"""Exercise: eight tool calls, Semaphore(3), timeout 0.15 s.

Semaphore(3) limits pressure on the upstream tools: at most three calls are
in flight at once. The lower timeout exposes the slow calls instead of letting
one of them hold up the whole batch.
"""
import asyncio

TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
         ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]


async def call_tool(name, delay):
    """Pretend to call a remote tool."""
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    """One call under the shared limit and its own timeout."""
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in TOOLS))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
print(main.__doc__, call_tool.__doc__)
