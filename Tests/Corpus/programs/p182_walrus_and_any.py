import asyncio


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    if (n := sum(r.endswith(":timeout") for r in results)) > 0:
        print(f"{n} timeouts in {results}")
    slow = [name for r in results if (name := r.split(":")[0]) and r.endswith("timeout")]
    print(slow, any(r.startswith("rerank") for r in results))


asyncio.run(main())
