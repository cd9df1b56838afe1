import asyncio
from dataclasses import dataclass


@dataclass
class ToolResult:
    name: str
    status: str
    delay: float = 0.0

    @property
    def timed_out(self):
        return self.status == "timeout"


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return ToolResult(name, "ok", delay)


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return ToolResult(name, "timeout", delay)


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
             ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    for r in results:
        print(r)
    print("timeouts:", sum(r.timed_out for r in results))


asyncio.run(main())
