"""Tools as classes with private attributes, a flattening generator, and a cleanup that returns
from a finally block inside the semaphore: the things a careful learner writes to be tidy."""
import asyncio
import contextlib


class Tool:
    __made = 0

    def __init__(self, name, delay):
        self.name = name
        self.__delay = delay
        Tool.__made += 1

    def __slow(self):
        return self.__delay > 0.1

    def describe(self):
        return f"{self.name} ({'slow' if self.__slow() else 'fast'}, #{Tool.__made})"

    def __eq__(self, other):
        return isinstance(other, Tool) and other.name == self.name

    async def run(self, sem):
        async with sem:
            try:
                await asyncio.wait_for(asyncio.sleep(self.__delay), timeout=0.15)
                return f"{self.name}:ok"
            except asyncio.TimeoutError:
                return f"{self.name}:timeout"
            finally:
                if self.name == "audit":
                    return "audit:always"


class RetryingTool(Tool):
    def __init__(self, name, delay):
        super().__init__(name, delay)
        self.__delay = delay / 2

    def delays(self):
        return self.__delay, self._Tool__delay


def flatten(groups):
    for group in groups:
        yield from group


def running_total():
    total = 0
    while True:
        value = yield total
        total += value


def finish():
    with contextlib.nullcontext():
        try:
            return "try"
        finally:
            return "finally"


async def main():
    groups = [[("search", 0.1), ("db", 0.2)], [("audit", 0.3)], [("llm", 0.05)]]
    tools = [Tool(name, delay) for name, delay in flatten(groups)]
    retry = RetryingTool("retry", 0.4)
    print([t.describe() for t in tools], retry.delays())
    print(sorted(vars(retry)), hasattr(retry, "__delay"))
    try:
        print(retry.__delay)
    except AttributeError as error:
        print(error)
    print(Tool.__hash__, tools[0] == Tool("search", 9))
    try:
        print(len({tools[0]}))
    except TypeError as error:
        print(error)
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(t.run(sem) for t in tools + [retry]))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))
    totals = running_total()
    print(next(totals), totals.send(2), totals.send(3))
    fresh = running_total()
    try:
        fresh.send(1)
    except TypeError as error:
        print(error)
    done = (x for x in [1])
    print(list(done), next(done, "empty"), finish())

    class A:
        pass

    class B(A):
        pass

    try:
        class C(A, B):
            pass
    except TypeError as error:
        print(str(error).replace("\n", " "))


asyncio.run(main())
