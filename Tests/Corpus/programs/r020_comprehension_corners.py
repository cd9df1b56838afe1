import asyncio


async def tool(i, delay):
    await asyncio.sleep(delay)
    return i * i


async def guarded(sem, i, delay, timeout):
    async with sem:
        try:
            return await asyncio.wait_for(tool(i, delay), timeout)
        except asyncio.TimeoutError:
            return -1


async def main():
    delays = [0.1, 0.3, 0.05, 0.25, 0.2, 0.15]
    sem = asyncio.Semaphore(3)
    results = await asyncio.gather(*[guarded(sem, i, d, 0.22) for i, d in enumerate(delays)])
    print(results)
    last_wins = {r % 3: i for i, r in enumerate(results)}
    print(last_wins)
    print(sorted({r % 4 for r in results}), {r for r in results if r > 100} or "empty set")
    print([y for r in results if (y := r * 2) > 0], y)
    nested = [[i * j for j in range(i)] for i in range(4)]
    print(nested, [x for row in nested for x in row if x])
    flags = {i: ("slow" if r < 0 else "fast" if r < 10 else "big") for i, r in enumerate(results)}
    print(flags)
    inverted = {v: [k for k, w in flags.items() if w == v] for v in sorted(set(flags.values()))}
    print(inverted)
    x = "outer"
    print([x for x in "ab"], x)
    total = sum(r for r in results if r >= 0)
    print(total, max((r for r in results), default=None), max([], default="nothing"))
    print(dict.fromkeys("abc", 0), dict(zip("xy", results)), {**{"a": 1}, "a": 2, **{"b": 3}})
    print(any(r < 0 for r in results), all(results), [*range(3), *"hi"], (*results[:2],))


asyncio.run(main())
