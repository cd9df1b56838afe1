import asyncio


async def call(name, d):
    await asyncio.sleep(d)
    return name


async def guarded(sem, name, d):
    async with sem:
        try:
            return await asyncio.wait_for(call(name, d), timeout=0.1)
        except asyncio.TimeoutError as exc:
            return exc


async def main():
    sem = asyncio.Semaphore(3)
    res = await asyncio.gather(*(guarded(sem, n, d) for n, d in [("x", 0.05), ("y", 0.2), ("z", 0.3)]))
    failures = [r for r in res if isinstance(r, BaseException)]
    print(f"{len(failures)} failures out of {len(res)}")
    if failures:
        raise ExceptionGroup("batch had timeouts", [RuntimeError(f"call {i} timed out") for i, _ in enumerate(failures)])


asyncio.run(main())
