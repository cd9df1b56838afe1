import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    sem = asyncio.Semaphore(3)
    search, database, slow, rerank, embed, upload, weather, model = await asyncio.gather(
        guarded_call(sem, "search", 0.1, 0.15), guarded_call(sem, "database", 0.2, 0.15),
        guarded_call(sem, "slow_tool", 1.0, 0.15), guarded_call(sem, "rerank", 0.05, 0.15),
        guarded_call(sem, "embed", 0.12, 0.15), guarded_call(sem, "upload", 0.4, 0.15),
        guarded_call(sem, "weather", 0.08, 0.15), guarded_call(sem, "model_api", 0.3, 0.15))
    everything = [search, database, slow, rerank, embed, upload, weather, model]
    print(everything)
    print("timeouts:", len([x for x in everything if "timeout" in x]))
    print("slow tool said", slow)


asyncio.run(main())
