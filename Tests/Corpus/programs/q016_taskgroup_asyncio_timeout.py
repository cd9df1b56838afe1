import asyncio


async def tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}!"


async def guarded(sem, name, delay, limit_s):
    async with sem:
        try:
            async with asyncio.timeout(limit_s):
                return await tool(name, delay)
        except TimeoutError:
            return "TIMEOUT"


async def main():
    sem = asyncio.Semaphore(2)
    plan = [("x", 0.1, 0.2), ("y", 0.3, 0.2), ("z", 0.2, 0.2), ("w", 0.05, 0.01)]
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(guarded(sem, *p), name=f"call-{p[0]}") for p in plan]
    results = [t.result() for t in tasks]
    print(results)
    print([t.get_name() for t in tasks])
    print("timeouts:", results.count("TIMEOUT"))
    print("loop time:", round(asyncio.get_running_loop().time(), 3))


asyncio.run(main())
