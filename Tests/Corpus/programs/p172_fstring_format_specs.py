import asyncio


async def guarded_call(semaphore, i, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout=timeout)
            return f"tool_{i:02d}:ok"
        except asyncio.TimeoutError:
            return f"tool_{i:02d}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    delays = [0.05, 0.1, 0.2, 0.14, 0.3, 0.01, 0.16, 0.15]
    results = await asyncio.gather(*(guarded_call(semaphore, i, d, 0.15) for i, d in enumerate(delays, start=1)))
    for r, d in zip(results, delays):
        name, status = r.split(":")
        print(f"|{name:<10}|{status:>8}|{d:6.2f}|{d:<6.3f}|{d * 1000:>5.0f}ms|{d:+.1e}|{int(d * 100):#x}|{int(d * 100):>4b}|")
    n = sum(r.endswith(":timeout") for r in results)
    print(f"{n}/{len(results)} = {n / len(results):.0%} {n:,} {1234567.891:,.2f} {'x':^5}| {True!s} {None!r}")


asyncio.run(main())
