import asyncio


class Results(list):
    def timeouts(self):
        return [r for r in self if r.endswith(":timeout")]

    def ok(self):
        return Results(r for r in self if r.endswith(":ok"))


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05), ("upload", 0.4)]
    results = Results(await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools)))
    print(results)
    print(type(results).__name__, len(results), results == list(results))
    print("ok:", results.ok(), type(results.ok()).__name__)
    print("slice:", results[:2], type(results[:2]).__name__)
    print("added:", type(results + ["extra:ok"]).__name__, type(results.copy()).__name__)
    results.append("late:ok")
    print(repr(results), isinstance(results, list))
    print("timeouts:", len(results.timeouts()), results.timeouts())


asyncio.run(main())
