import asyncio
from typing import Awaitable, Callable, Dict, List

ToolFn = Callable[[str, float], Awaitable[str]]


async def call_tool(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded(fn: ToolFn, sem: asyncio.Semaphore, name: str, delay: float, timeout: float) -> str:
    async with sem:
        try:
            return await asyncio.wait_for(fn(name, delay), timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main() -> Dict[str, List[str]]:
    sem = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05)]
    results = await asyncio.gather(*(guarded(call_tool, sem, n, d, 0.15) for n, d in tools))
    return {"ok": [r for r in results if r.endswith("ok")], "timeout": [r for r in results if r.endswith("timeout")]}


summary = asyncio.run(main())
print(summary)
print("timeouts:", len(summary["timeout"]))
