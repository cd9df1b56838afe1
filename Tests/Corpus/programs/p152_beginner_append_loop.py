import asyncio

names = ["search", "database", "slow_tool", "rerank", "embed", "upload", "weather", "model_api"]
delays = [0.1, 0.2, 1.0, 0.05, 0.12, 0.4, 0.08, 0.3]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return name + ":ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return name + ":timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    jobs = []
    for i in range(len(names)):
        jobs.append(guarded_call(semaphore, names[i], delays[i], 0.15))
    results = await asyncio.gather(*jobs)
    print(results)
    timeouts = 0
    for result in results:
        if result.endswith(":timeout"):
            timeouts += 1
    print("Number of timeouts: " + str(timeouts))


asyncio.run(main())
