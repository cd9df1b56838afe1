import asyncio


class Tool:
    registry = {}
    default_timeout = 0.3

    def __init_subclass__(cls, /, name=None, timeout=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tool_name = name or cls.__name__.lower()
        if timeout is not None:
            cls.default_timeout = timeout
        Tool.registry[cls.tool_name] = cls

    async def __call__(self, query):
        await asyncio.sleep(self.delay)
        return f"{self.tool_name}({query})"

    def __str__(self):
        return f"{self.tool_name}@{self.default_timeout}"


class Search(Tool):
    delay = 0.1


class Database(Tool, name="db", timeout=0.5):
    delay = 0.4


class Vision(Tool):
    delay = 0.45


class SlowVision(Vision, name="vision-slow", timeout=0.2):
    delay = 0.3


async def guarded(sem, tool, query):
    async with sem:
        try:
            return await asyncio.wait_for(tool(query), tool.default_timeout)
        except asyncio.TimeoutError:
            return f"{tool.tool_name}: timeout after {tool.default_timeout}"


async def main():
    print(sorted(Tool.registry), [str(cls()) for cls in Tool.registry.values()])
    print(SlowVision.__mro__[1].__name__, SlowVision.__bases__, Vision.__qualname__, Tool.__subclasses__())
    sem = asyncio.Semaphore(2)
    tools = [cls() for cls in Tool.registry.values()]
    results = await asyncio.gather(*(guarded(sem, t, f"q{i}") for i, t in enumerate(tools)))
    print(*results, sep="\n")
    try:
        class Broken(Tool, colour="red"):
            pass
    except TypeError as exc:
        print("TypeError:", exc)


asyncio.run(main())
