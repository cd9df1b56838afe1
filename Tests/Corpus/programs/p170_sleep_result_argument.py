import asyncio


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(asyncio.sleep(delay, result=f"{name}:ok"), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = dict(search=0.1, database=0.2, slow_tool=1.0, rerank=0.05, embed=0.12, upload=0.4, weather=0.08, model_api=0.3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools.items()))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
