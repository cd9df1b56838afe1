import asyncio


def waiting(sem):
    return len(sem._waiters) if sem._waiters else 0


async def tool(sem, name, delay, report):
    async with sem:
        report.append((name, waiting(sem), sem._value))
        await asyncio.sleep(delay)


async def impatient(sem, name):
    try:
        await asyncio.wait_for(sem.acquire(), 0.05)
    except asyncio.TimeoutError:
        print(name, "gave up waiting; still queued:", waiting(sem), sem._waiters is None)
    else:
        sem.release()


async def main():
    sem = asyncio.Semaphore(2)
    print("before:", sem._waiters is None, waiting(sem))
    report = []
    tasks = [asyncio.create_task(tool(sem, f"t{i}", 0.1 * (i + 1), report)) for i in range(5)]
    await asyncio.sleep(0)
    print("queued after the first step:", waiting(sem), bool(sem._waiters), type(sem._waiters).__name__)
    await impatient(sem, "late")
    await asyncio.gather(*tasks)
    print(report)
    print("after:", sem._waiters is None, waiting(sem), len(sem._waiters))


asyncio.run(main())
