import asyncio


class QuotaError(Exception):
    pass


async def tool(name, delay):
    await asyncio.sleep(delay)
    if name.startswith("q"):
        raise QuotaError(name)
    if name.startswith("v"):
        raise ValueError(name)
    return name


async def guarded(sem, name, delay):
    async with sem:
        return await asyncio.wait_for(tool(name, delay), 0.25)


async def main():
    sem = asyncio.Semaphore(3)
    names = [("search", 0.1), ("quota1", 0.05), ("value1", 0.2), ("slow", 0.4), ("quota2", 0.1)]
    try:
        async with asyncio.TaskGroup() as tg:
            for n, d in names:
                tg.create_task(guarded(sem, n, d))
    except* QuotaError as eg:
        print("quota:", sorted(str(e) for e in eg.exceptions))
    except* ValueError as eg:
        print("value:", [str(e) for e in eg.exceptions])
    except* TimeoutError as eg:
        print("timeouts:", len(eg.exceptions))
    print("done")


asyncio.run(main())
