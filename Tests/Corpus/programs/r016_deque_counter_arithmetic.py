import asyncio
from collections import Counter, deque


async def tool(name, delay, fail):
    await asyncio.sleep(delay)
    if fail:
        raise OSError(f"{name} failed")
    return name


async def guarded(sem, recent, name, delay, fail, timeout):
    async with sem:
        try:
            await asyncio.wait_for(tool(name, delay, fail), timeout)
            status = "ok"
        except asyncio.TimeoutError:
            status = "timeout"
        except OSError:
            status = "error"
        recent.append(f"{name}:{status}")
        return status


async def run_round(specs, timeout):
    recent = deque(maxlen=3)
    sem = asyncio.Semaphore(2)
    statuses = await asyncio.gather(*(guarded(sem, recent, *s, timeout) for s in specs))
    return Counter(statuses), recent


async def main():
    specs = [("a", 0.1, False), ("b", 0.4, False), ("c", 0.2, True), ("d", 0.05, False), ("e", 0.3, False)]
    first, recent1 = await run_round(specs, 0.25)
    second, recent2 = await run_round(specs, 0.35)
    print("round 1", first, list(recent1))
    print("round 2", second, recent2)
    print("sum", first + second)
    print("diff", first - second, second - first)
    print("and/or", first & second, first | second)
    total = first.copy()
    total.subtract(second)
    print("subtract keeps negatives", total, +total, -total)
    print((first + second).most_common(2), (first + second).total())
    print(sorted((first + second).elements()))
    window = deque([1, 2, 3], maxlen=3)
    window.appendleft(0)
    window.rotate(1)
    print(window, window.maxlen, window.count(2))
    print(Counter("timeout"), Counter(a=0, b=-1) == Counter())


asyncio.run(main())
