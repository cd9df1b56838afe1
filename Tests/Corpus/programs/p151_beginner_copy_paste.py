import asyncio

async def search():
    await asyncio.sleep(0.1)
    return "search:ok"

async def database():
    await asyncio.sleep(0.2)
    return "database:ok"

async def slow_tool():
    await asyncio.sleep(1.0)
    return "slow_tool:ok"

async def rerank():
    await asyncio.sleep(0.05)
    return "rerank:ok"

async def guard(sem, coro, name):
    async with sem:
        try:
            return await asyncio.wait_for(coro, timeout=0.15)
        except asyncio.TimeoutError:
            return name + ":timeout"

async def main():
    sem = asyncio.Semaphore(3)
    results = await asyncio.gather(guard(sem, search(), "search"), guard(sem, database(), "database"),
                                   guard(sem, slow_tool(), "slow_tool"), guard(sem, rerank(), "rerank"))
    print(results)
    count = 0
    for r in results:
        if "timeout" in r:
            count = count + 1
    print("timeouts:", count)

asyncio.run(main())
