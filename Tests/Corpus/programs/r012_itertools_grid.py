import asyncio
from itertools import (accumulate, chain, compress, count, cycle, groupby, islice, product,
                       starmap, zip_longest)


async def tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}"


async def guarded(sem, name, delay, timeout):
    async with sem:
        try:
            await asyncio.wait_for(tool(name, delay), timeout)
            return "ok"
        except asyncio.TimeoutError:
            return "timeout"


async def main():
    tools = {"search": 0.1, "db": 0.2, "llm": 0.4}
    timeouts = [0.15, 0.3, 0.5]
    grid = list(product(tools.items(), timeouts))
    sem = asyncio.Semaphore(4)
    statuses = await asyncio.gather(*starmap(lambda item, t: guarded(sem, item[0], item[1], t), grid))
    rows = [(name, t, s) for ((name, _), t), s in zip(grid, statuses)]
    for name, group in groupby(rows, key=lambda r: r[0]):
        print(f"{name:7}", " ".join(f"{t}:{s[0]}" for _, t, s in group))
    by_status = sorted(rows, key=lambda r: r[2])
    print({k: len(list(g)) for k, g in groupby(by_status, key=lambda r: r[2])})
    print(list(accumulate(d for d in tools.values())), list(accumulate([3, 1, 4, 1, 5], max)))
    print(list(compress(grid, (s == "timeout" for s in statuses)))[:2])
    workers = cycle(["w1", "w2"])
    print(list(zip(count(1), islice(workers, 5))))
    print(list(zip_longest(tools, timeouts[:2], fillvalue="-")))
    print(list(chain.from_iterable([[1, 2], (3,), "ab"])), list(chain(tools, timeouts)))
    print("loop time", round(asyncio.get_running_loop().time(), 3))


asyncio.run(main())
