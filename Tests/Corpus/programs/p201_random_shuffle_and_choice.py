import asyncio
import random

rng = random.Random(2024)
NAMES = ["search", "database", "slow_tool", "rerank", "embed", "upload", "weather", "model_api"]


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    names = NAMES[:]
    rng.shuffle(names)
    delays = [rng.choice([0.05, 0.1, 0.2, 0.3]) for _ in names]
    print(list(zip(names, delays)))
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in zip(names, delays)))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))
    print(rng.randrange(100), round(rng.uniform(0, 1), 6), rng.getrandbits(8))


asyncio.run(main())
