import asyncio


async def tool(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    sem = asyncio.Semaphore(1)
    log = []

    async def guarded(name, delay, wait_budget):
        try:
            await asyncio.wait_for(sem.acquire(), wait_budget)
        except asyncio.TimeoutError:
            log.append(f"{name}: no slot within {wait_budget}")
            return "rejected"
        try:
            log.append(f"{name}: got slot, locked={sem.locked()}")
            return await asyncio.wait_for(tool(name, delay), 0.3)
        except asyncio.TimeoutError:
            return "timeout"
        finally:
            sem.release()

    plan = [("a", 0.2, 1.0), ("b", 0.1, 0.1), ("c", 0.5, 0.5), ("d", 0.1, 0.6), ("e", 0.1, 0.25)]
    results = await asyncio.gather(*(guarded(*p) for p in plan))
    print(results)
    print(*log, sep="\n")
    print("locked at end:", sem.locked(), round(asyncio.get_running_loop().time(), 3))
    waiter = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    print("free acquire done:", waiter.done(), sem.locked())
    blocked = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0.1)
    blocked.cancel()
    await asyncio.sleep(0)
    sem.release()
    print("after cancel+release:", sem.locked(), blocked.cancelled())


asyncio.run(main())
