import asyncio


async def call(n):
    await asyncio.sleep(n / 10)
    return n * n


async def guarded(sem, n):
    async with sem:
        try:
            return await asyncio.wait_for(call(n), timeout=0.35)
        except asyncio.TimeoutError:
            return -1


async def main():
    sem = asyncio.Semaphore(3)
    values = await asyncio.gather(*(guarded(sem, n) for n in range(6)))
    print(values)
    good = [y for v in values if (y := v) >= 0]
    print("good:", good, "last y:", y)
    if (t := values.count(-1)) > 1:
        print(f"{t} timeouts")
    squares = {i: v for i, v in enumerate(values) if v != -1}
    print(squares)
    flags = {v >= 0 for v in values}
    print(sorted(flags), any(v < 0 for v in values), all(values))
    nested = [[i * j for j in range(3) if i * j % 2 == 0] for i in range(4)]
    print(nested)
    total = 0
    while (chunk := values[total:total + 2]):
        print("chunk", chunk)
        total += 2


asyncio.run(main())
