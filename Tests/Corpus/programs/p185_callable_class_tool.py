import asyncio


class Tool:
    def __init__(self, name, delay):
        self.name, self.delay = name, delay

    async def __call__(self):
        await asyncio.sleep(self.delay)
        return f"{self.name}:ok"

    def __lt__(self, other):
        return self.delay < other.delay


async def guarded(semaphore, tool, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(tool(), timeout)
        except asyncio.TimeoutError:
            return f"{tool.name}:timeout"


async def main():
    tools = [Tool(n, d) for n, d in [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05)]]
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded(semaphore, t, 0.15) for t in sorted(tools)))
    print(results, [t.name for t in sorted(tools, reverse=True)], min(tools).name)


asyncio.run(main())
