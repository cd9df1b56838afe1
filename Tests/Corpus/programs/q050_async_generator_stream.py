import asyncio


async def call(name, d):
    await asyncio.sleep(d)
    return name[::-1]


async def stream_results(specs, limit, timeout):
    sem = asyncio.Semaphore(limit)

    async def guarded(name, d):
        async with sem:
            try:
                return name, await asyncio.wait_for(call(name, d), timeout)
            except asyncio.TimeoutError:
                return name, None

    tasks = [asyncio.ensure_future(guarded(n, d)) for n, d in specs]
    for t in tasks:
        yield await t


async def main():
    specs = [("stressed", 0.1), ("drawer", 0.4), ("live", 0.15), ("reward", 0.05), ("parts", 0.25)]
    timeouts = 0
    collected = []
    async for name, value in stream_results(specs, 2, 0.2):
        if value is None:
            timeouts += 1
            print(f"{name}: timeout")
        else:
            print(f"{name} -> {value}")
        collected.append(value)
    print(collected, timeouts)
    lengths = [len(v) async for _, v in stream_results(specs[:2], 1, 1.0)]
    print(lengths)


asyncio.run(main())
