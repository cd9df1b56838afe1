import asyncio


class Outcome:
    def __init__(self, name, ok):
        self.name = name
        self.ok = ok

    def __repr__(self):
        return f"Outcome({self.name!r}, ok={self.ok})"

    def __str__(self):
        return f"{self.name}:{'ok' if self.ok else 'timeout'}"

    def __eq__(self, other):
        return isinstance(other, Outcome) and (self.name, self.ok) == (other.name, other.ok)

    def __bool__(self):
        return self.ok


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout=timeout)
            return Outcome(name, True)
        except asyncio.TimeoutError:
            return Outcome(name, False)


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    print(results)
    print([str(r) for r in results])
    print("timeouts:", sum(not r for r in results))
    print(results[0] == Outcome("search", True), results.index(Outcome("rerank", True)))


asyncio.run(main())
