import asyncio

TOOLS = [
    {"name": "search", "delay": 0.1},
    {"name": "database", "delay": 0.2},
    {"name": "slow_tool", "delay": 1.0},
    {"name": "rerank", "delay": 0.05},
    {"name": "embed", "delay": 0.12},
    {"name": "upload", "delay": 0.4},
    {"name": "weather", "delay": 0.08},
    {"name": "model_api", "delay": 0.3},
]


async def call_tool(tool):
    await asyncio.sleep(tool["delay"])
    return {**tool, "status": "ok"}


async def guarded_call(semaphore, tool, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(tool), timeout=timeout)
        except asyncio.TimeoutError:
            return {**tool, "status": "timeout"}


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, t, 0.15) for t in TOOLS))
    for r in results:
        print(r)
    print("timeouts:", sum(1 for r in results if r["status"] == "timeout"))
    print(results[0].get("status"), results[0].get("missing", "-"), list(results[0]))


asyncio.run(main())
