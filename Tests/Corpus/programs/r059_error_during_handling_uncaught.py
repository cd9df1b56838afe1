import asyncio

stats = {"ok": 0, "timeout": 0}


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return name


async def guarded(sem, name, delay, timeout):
    async with sem:
        try:
            result = await asyncio.wait_for(call_tool(name, delay), timeout)
            stats["ok"] += 1
            return result
        except asyncio.TimeoutError:
            stats["timeouts"] += 1
            return None


async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded(sem, n, d, 0.2) for n, d in [("a", 0.1), ("b", 0.5), ("c", 0.1)]))
    print(results, stats)


asyncio.run(main())
