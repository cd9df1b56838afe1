import asyncio
from abc import ABC, abstractmethod


class BaseTool(ABC):
    timeout = 0.25

    def __init__(self, name):
        self.name = name

    @abstractmethod
    async def run(self) -> str: ...

    async def safe_run(self, sem):
        async with sem:
            try:
                return await asyncio.wait_for(self.run(), self.timeout)
            except asyncio.TimeoutError:
                return f"{self.name}: timeout"


class FastTool(BaseTool):
    async def run(self):
        await asyncio.sleep(0.05)
        return f"{self.name}: fast"


class SlowTool(BaseTool):
    timeout = 0.5

    async def run(self):
        await asyncio.sleep(0.4)
        return f"{self.name}: slow but fine"


class StuckTool(BaseTool):
    async def run(self):
        await asyncio.sleep(10)
        return "never"


async def main():
    tools = [FastTool("f1"), SlowTool("s1"), StuckTool("x1"), FastTool("f2"), StuckTool("x2")]
    sem = asyncio.Semaphore(2)
    res = await asyncio.gather(*(t.safe_run(sem) for t in tools))
    print("\n".join(res))
    print("timeouts:", sum(r.endswith("timeout") for r in res))
    print([type(t).__name__ for t in tools], [t.timeout for t in tools])
    try:
        BaseTool("abstract")
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
