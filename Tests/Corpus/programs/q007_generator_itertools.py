import asyncio
import itertools


def tool_specs():
    delays = itertools.cycle([0.05, 0.2, 0.35])
    for i in itertools.count(1):
        yield f"tool{i}", next(delays)


async def call(name, d):
    await asyncio.sleep(d)
    return d


async def guarded(sem, name, d):
    async with sem:
        try:
            await asyncio.wait_for(call(name, d), 0.3)
            return name, "ok"
        except asyncio.TimeoutError:
            return name, "timeout"


async def main():
    specs = list(itertools.islice(tool_specs(), 7))
    print(specs)
    sem = asyncio.Semaphore(3)
    results = await asyncio.gather(*itertools.starmap(lambda n, d: guarded(sem, n, d), specs))
    keyed = sorted(results, key=lambda r: r[1])
    for status, group in itertools.groupby(keyed, key=lambda r: r[1]):
        names = [n for n, _ in group]
        print(f"{status}: {len(names)} -> {names}")
    pairs = list(itertools.pairwise([n for n, _ in results]))[:3]
    print(pairs)
    print(list(itertools.accumulate([d for _, d in specs]))[-1])
    print(list(itertools.compress([n for n, _ in results], [s == "timeout" for _, s in results])))


asyncio.run(main())
