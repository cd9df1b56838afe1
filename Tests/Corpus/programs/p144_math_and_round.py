import asyncio
import math


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    tools = [(f"shard{i}", round(0.03 * i * i, 3)) for i in range(1, 7)]
    limit = math.ceil(len(tools) / 2)
    semaphore = asyncio.Semaphore(limit)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    print(tools)
    print(results, "limit", limit)
    ratio = sum(r.endswith(":timeout") for r in results) / len(results)
    print(f"{ratio:.1%} {ratio:.3f} {round(ratio, 2)} {math.floor(ratio * 10)} {math.isclose(ratio, 0.5)}")
    print(round(2.5), round(3.5), round(0.125, 2), 7 // 2, -7 // 2, 7 % 3, 2 ** 10, 10 / 4)


asyncio.run(main())
