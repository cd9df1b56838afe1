import asyncio


class BaseTool:
    __slots__ = ("name", "_delay", "calls")

    def __init__(self, name, delay):
        self.name = name
        self._delay = delay
        self.calls = 0

    @property
    def delay(self):
        return self._delay

    @delay.setter
    def delay(self, value):
        if value < 0:
            raise ValueError(f"negative delay for {self.name}: {value}")
        self._delay = value

    async def run(self):
        self.calls += 1
        await asyncio.sleep(self.delay)
        return f"{self.name}:ok"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, delay={self.delay})"


class SlowTool(BaseTool):
    __slots__ = ("factor",)

    def __init__(self, name, delay, factor=2):
        super().__init__(name, delay)
        self.factor = factor

    @property
    def delay(self):
        return round(self._delay * self.factor, 3)


class FlakyTool(BaseTool):
    __slots__ = ()

    async def run(self):
        result = await super().run()
        if self.calls == 1:
            raise ConnectionError(f"{self.name} dropped")
        return result.upper()


async def guarded(sem, tool, timeout):
    async with sem:
        for attempt in (1, 2):
            try:
                return await asyncio.wait_for(tool.run(), timeout)
            except asyncio.TimeoutError:
                return f"{tool.name}:timeout"
            except ConnectionError as exc:
                print(f"  attempt {attempt} failed: {exc}")
        return f"{tool.name}:error"


async def main():
    tools = [BaseTool("search", 0.1), SlowTool("db", 0.1, 3), FlakyTool("api", 0.05), SlowTool("llm", 0.2)]
    for tool, value in ((tools[0], -1), (tools[1], 5)):
        try:
            tool.delay = value
        except (ValueError, AttributeError) as exc:
            print("rejected:", type(exc).__name__, exc)
    print(tools)
    print(SlowTool.__mro__[1].__name__, isinstance(tools[1], BaseTool), hasattr(tools[0], "__dict__"))
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded(sem, t, 0.35) for t in tools))
    print(results)
    print({t.name: t.calls for t in tools})
    print("timeouts:", sum(r.endswith(":timeout") for r in results))
    print(f"elapsed {asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
