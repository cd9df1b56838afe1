import asyncio


class Tool:
    limit = None

    def __init__(self, name, delay):
        self.name = name
        self.delay = delay

    async def run(self):
        await asyncio.sleep(self.delay)
        return f"{self.name}:ok"

    def describe(self):
        return f"{type(self).__name__}({self.name})"


class SlowTool(Tool):
    async def run(self):
        result = await super().run()
        return result.replace("ok", "ok-slow")


class CachedTool(Tool):
    async def run(self):
        return f"{self.name}:cached"


async def guarded(semaphore, tool, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(tool.run(), timeout)
        except asyncio.TimeoutError:
            return f"{tool.name}:timeout"


async def main():
    tools = [Tool("search", 0.1), SlowTool("upload", 0.4), CachedTool("embed", 1.0), SlowTool("rerank", 0.05)]
    print([t.describe() for t in tools])
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded(semaphore, t, 0.15) for t in tools))
    print(results)
    print(isinstance(tools[1], Tool), issubclass(CachedTool, SlowTool))


asyncio.run(main())
