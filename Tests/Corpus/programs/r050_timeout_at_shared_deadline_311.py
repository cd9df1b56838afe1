import asyncio


async def tool(name, delay):
    await asyncio.sleep(delay)
    return name


async def guarded(sem, name, delay, deadline):
    async with sem:
        try:
            async with asyncio.timeout_at(deadline) as cm:
                return await tool(name, delay)
        except TimeoutError:
            return f"{name} missed the deadline (expired={cm.expired()})"


async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.5
    sem = asyncio.Semaphore(2)
    plan = [("a", 0.2), ("b", 0.2), ("c", 0.2), ("d", 0.05), ("e", 0.3)]
    results = await asyncio.gather(*(guarded(sem, n, d, deadline) for n, d in plan))
    for line in results:
        print(line)
    print("late:", sum("missed" in r for r in results), "at", round(loop.time(), 3))
    async with asyncio.timeout(None) as cm:
        print("no deadline:", cm.when())
        cm.reschedule(loop.time() + 0.1)
        print("rescheduled:", round(cm.when(), 3))
        try:
            await asyncio.sleep(0.05)
        finally:
            print("expired yet?", cm.expired())
    try:
        async with asyncio.timeout(0.1):
            async with asyncio.timeout(0.3):
                await asyncio.sleep(1)
    except TimeoutError as exc:
        print("outer fired:", type(exc).__name__, repr(exc), round(loop.time(), 3))


asyncio.run(main())
