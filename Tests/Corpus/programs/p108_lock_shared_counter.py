import asyncio

stats = {"ok": 0, "timeout": 0}
lock = None


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def record(key):
    async with lock:
        current = stats[key]
        await asyncio.sleep(0)
        stats[key] = current + 1


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            result = await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
            await record("ok")
            return result
        except asyncio.TimeoutError:
            await record("timeout")
            return f"{name}:timeout"


async def main():
    global lock
    lock = asyncio.Lock()
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
             ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    print(results)
    print(stats, "locked:", lock.locked())


asyncio.run(main())
