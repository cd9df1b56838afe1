import asyncio
import functools
import operator


@functools.lru_cache(maxsize=None)
def cost_of(name: str) -> float:
    print(f"  computing cost of {name}")
    return round(len(name) * 0.04, 2)


async def call(name):
    await asyncio.sleep(cost_of(name))
    return name


async def guarded(sem, name, *, timeout):
    async with sem:
        try:
            return await asyncio.wait_for(call(name), timeout=timeout)
        except asyncio.TimeoutError:
            return None


async def main():
    sem = asyncio.Semaphore(2)
    run = functools.partial(guarded, sem, timeout=0.25)
    names = ["ls", "cat", "grep", "ls", "python", "cat", "go"]
    results = await asyncio.gather(*map(run, names))
    print(results)
    print(cost_of.cache_info())
    total = functools.reduce(operator.add, (cost_of(n) for n in names))
    print(f"total cost {total:.2f}")
    print("timeouts:", functools.reduce(lambda acc, r: acc + (r is None), results, 0))
    print(run.func.__name__, run.keywords, len(run.args))


asyncio.run(main())
