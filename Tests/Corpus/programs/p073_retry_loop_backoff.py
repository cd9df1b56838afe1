import asyncio
import random

random.seed(7)


async def call_tool(name):
    delay = random.choice([0.05, 0.1, 0.3])
    await asyncio.sleep(delay)
    return f"{name}:ok({delay})"


async def call_with_retry(semaphore, name, timeout, retries=3):
    backoff = 0.05
    attempt = 0
    while True:
        attempt += 1
        async with semaphore:
            try:
                return await asyncio.wait_for(call_tool(name), timeout)
            except asyncio.TimeoutError:
                print(f"{name} attempt {attempt} timed out")
        if attempt >= retries:
            return f"{name}:timeout"
        await asyncio.sleep(backoff)
        backoff *= 2


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(call_with_retry(semaphore, f"tool{i}", 0.15) for i in range(6)))
    print(results)


asyncio.run(main())
