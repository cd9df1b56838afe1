import asyncio


class Limiter:
    def __init__(self, limit):
        self._sem = asyncio.Semaphore(limit)
        self.active = 0

    async def __aenter__(self):
        await self._sem.acquire()
        self.active += 1
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.active -= 1
        self._sem.release()
        return False


async def guarded_call(limiter, name, delay, timeout):
    async with limiter as lim:
        print(f"{name} running with {lim.active} active")
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    limiter = Limiter(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05), ("embed", 0.12)]
    results = await asyncio.gather(*(guarded_call(limiter, n, d, 0.15) for n, d in tools))
    print(results)


asyncio.run(main())
