import asyncio


class BudgetExceeded(Exception):
    pass


async def call(name, d):
    await asyncio.sleep(d)
    return d


async def guarded(sem, name, d):
    async with sem:
        try:
            return await asyncio.wait_for(call(name, d), timeout=0.2)
        except asyncio.TimeoutError:
            return None


async def main():
    sem = asyncio.Semaphore(2)
    names = ["a", "b", "c", "d"]
    costs = await asyncio.gather(*(guarded(sem, n, 0.08 * (i + 1)) for i, n in enumerate(names)))
    print("costs:", costs)
    spent = sum(c for c in costs if c is not None)
    if spent > 0.2:
        err = BudgetExceeded(f"spent {spent:.2f}s")
        err.add_note(f"timeouts: {costs.count(None)}")
        err.add_note("hint: lower the limit")
        raise err


asyncio.run(main())
