import asyncio
from functools import cached_property, singledispatch


class Batch:
    def __init__(self, specs, timeout):
        self.specs = specs
        self.timeout = timeout

    @cached_property
    def total_delay(self):
        print("  (computing total_delay)")
        return round(sum(d for _, d in self.specs), 2)

    @cached_property
    def names(self):
        return tuple(n for n, _ in self.specs)


@singledispatch
def render(value):
    return f"?{value!r}"


@render.register
def _(value: str):
    return value


@render.register(int)
@render.register(float)
def _(value):
    return f"#{value:g}"


@render.register(Exception)
def _(value):
    return f"error({type(value).__name__}: {value})"


@render.register(TimeoutError)
def _(value):
    return "timeout"


async def tool(name, delay):
    await asyncio.sleep(delay)
    if name == "num":
        return delay * 100
    if name == "bad":
        raise ValueError("bad input")
    if name == "none":
        return None
    return name


async def main():
    batch = Batch([("txt", 0.1), ("num", 0.2), ("bad", 0.1), ("slow", 0.9), ("none", 0.0)], 0.5)
    print(batch.total_delay, batch.total_delay, "total_delay" in vars(batch))
    sem = asyncio.Semaphore(2)

    async def one(name, delay):
        async with sem:
            return await asyncio.wait_for(tool(name, delay), batch.timeout)

    results = await asyncio.gather(*(one(n, d) for n, d in batch.specs), return_exceptions=True)
    for name, value in zip(batch.names, results):
        print(f"{name:<5}{render(value)}")
    print(sorted(k.__name__ for k in render.registry if k is not object))
    del batch.total_delay
    print(batch.total_delay)


asyncio.run(main())
