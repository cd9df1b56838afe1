import asyncio


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
             ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]
    tasks = [asyncio.create_task(guarded_call(semaphore, n, d, 0.15), name=n) for n, d in tools]
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending))
    results = [t.result() for t in tasks]
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
