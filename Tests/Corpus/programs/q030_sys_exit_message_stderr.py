import asyncio
import sys

THRESHOLD = 1


async def tool(n, d):
    await asyncio.sleep(d)
    return n


async def guarded(sem, n, d):
    async with sem:
        try:
            return await asyncio.wait_for(tool(n, d), timeout=0.15)
        except asyncio.TimeoutError:
            return None


async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded(sem, f"t{i}", i * 0.05) for i in range(6)))
    print("results:", results)
    return results


results = asyncio.run(main())
timeouts = results.count(None)
print(f"timeouts: {timeouts}", file=sys.stderr)
if timeouts > THRESHOLD:
    sys.exit(f"too many timeouts: {timeouts} > {THRESHOLD}")
print("fine")
