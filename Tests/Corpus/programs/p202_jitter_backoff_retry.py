import asyncio
import random
import time

random.seed(3)
attempts = {}


async def flaky_tool(name):
    attempts[name] = attempts.get(name, 0) + 1
    await asyncio.sleep(0.02)
    if random.random() < 0.5:
        raise ConnectionError(f"{name} flaked")
    return f"{name}:ok"


async def with_retry(semaphore, name, tries=4, base=0.05):
    for attempt in range(tries):
        async with semaphore:
            try:
                return await asyncio.wait_for(flaky_tool(name), 0.15)
            except (ConnectionError, asyncio.TimeoutError) as error:
                print(f"{time.perf_counter():.3f} {error}")
        await asyncio.sleep(base * 2 ** attempt + random.uniform(0, 0.01))
    return f"{name}:failed"


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(with_retry(semaphore, f"svc{i}") for i in range(4)))
    print(results, attempts)


asyncio.run(main())
