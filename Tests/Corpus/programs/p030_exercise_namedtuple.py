import asyncio
from typing import NamedTuple


class Tool(NamedTuple):
    name: str
    delay: float


TOOLS = [Tool("search", 0.1), Tool("database", 0.2), Tool("slow_tool", 1.0), Tool("rerank", 0.05),
         Tool("embed", 0.12), Tool("upload", 0.4), Tool("weather", 0.08), Tool("model_api", 0.3)]


async def call_tool(tool: Tool) -> str:
    await asyncio.sleep(tool.delay)
    return f"{tool.name}:ok"


async def guarded_call(semaphore: asyncio.Semaphore, tool: Tool, timeout: float) -> str:
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(tool), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{tool.name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, t, 0.15) for t in TOOLS))
    print(results)
    print(TOOLS[0], TOOLS[0]._asdict())
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
