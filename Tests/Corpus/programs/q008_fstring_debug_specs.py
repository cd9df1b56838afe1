import asyncio

LIMIT = 2
TIMEOUT = 0.15


async def call(name, ms):
    await asyncio.sleep(ms / 1000)
    return ms * 1234


async def guarded(sem, name, ms):
    async with sem:
        try:
            return await asyncio.wait_for(call(name, ms), timeout=TIMEOUT)
        except asyncio.TimeoutError:
            return None


async def main():
    sem = asyncio.Semaphore(LIMIT)
    plan = {"search": 100, "db": 140, "llm": 900, "cache": 5}
    values = await asyncio.gather(*(guarded(sem, n, ms) for n, ms in plan.items()))
    for (name, ms), value in zip(plan.items(), values):
        print(f"{name!r:>10} {ms=} {value=}")
        if value is not None:
            print(f"   {value:,} | {value:>12,.1f} | {value:_} | {value / 7:.3f} | {value:e}")
    timeouts = values.count(None)
    print(f"{LIMIT=}, {TIMEOUT=:.2f}, {timeouts=}")
    print(f"{timeouts / len(values):.1%} {len(values) - timeouts = }")
    print(f"{'done':-^20}")


asyncio.run(main())
