import asyncio


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout=timeout)
            return "ok"
        except asyncio.TimeoutError:
            return "timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = {"search": 0.1, "database": 0.2, "slow_tool": 1.0, "rerank": 0.05,
             "embed": 0.12, "upload": 0.4, "weather": 0.08, "model_api": 0.3}
    statuses = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools.items()))
    results = dict(zip(tools, statuses))
    print(results)
    print("timeouts:", list(results.values()).count("timeout"))
    del results["slow_tool"]
    results.update(extra="ok")
    print(len(results), results.pop("extra"), "search" in results, results.setdefault("new", "?"))


asyncio.run(main())
