"""Abstract tools whose cost is an abstract property (`@property @abstractmethod`), a class that
forgets it, and a results list made with `Results.__new__` before its items are added."""
import asyncio
from abc import ABC, abstractmethod


class Tool(ABC):
    def __init__(self, name, delay):
        self.name = name
        self.delay = delay

    @abstractmethod
    async def run(self):
        ...

    @property
    @abstractmethod
    def cost(self):
        ...

    @staticmethod
    @abstractmethod
    def kind():
        ...


class Fast(Tool):
    cost = 1

    @staticmethod
    def kind():
        return "fast"

    async def run(self):
        await asyncio.sleep(self.delay)
        return f"{self.name}:ok"


class Forgetful(Tool):
    async def run(self):
        return "never"


class Results(list):
    def summary(self):
        return f"{len(self)} results, {sum(r.endswith(':timeout') for r in self)} timeouts"


async def guarded(semaphore, tool):
    async with semaphore:
        try:
            return await asyncio.wait_for(tool.run(), timeout=0.2)
        except asyncio.TimeoutError:
            return f"{tool.name}:timeout"


async def main():
    print(sorted(Tool.__abstractmethods__), sorted(Forgetful.__abstractmethods__), Fast.__abstractmethods__)
    print(Tool.cost.__isabstractmethod__, Fast.kind(), getattr(Fast.kind, "__isabstractmethod__", False))
    for cls in (Tool, Forgetful):
        try:
            cls("x", 0.1)
        except TypeError as error:
            print(type(error).__name__, "-", str(error).split(" with")[0])
    semaphore = asyncio.Semaphore(2)
    tools = [Fast("search", 0.1), Fast("db", 0.3), Fast("rerank", 0.05)]
    results = Results.__new__(Results)
    print(type(results).__name__, results, len(results))
    results.extend(await asyncio.gather(*(guarded(semaphore, tool) for tool in tools)))
    results.append("extra:ok")
    print(results, results.summary())
    empty = dict.__new__(dict)
    empty["k"] = 1
    print(empty, str.__new__(str, "text"), tuple.__new__(tuple, [1, 2]))


asyncio.run(main())
