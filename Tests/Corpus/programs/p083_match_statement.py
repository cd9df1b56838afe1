import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if delay > 0.5:
        raise TimeoutError("upstream")
    return {"tool": name, "status": 200, "ms": int(delay * 1000)}


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return ("timeout", name)


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("rerank", 0.05), ("embed", 0.12)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    timeouts = 0
    for r in results:
        match r:
            case {"tool": name, "status": 200, "ms": ms} if ms < 100:
                print(f"{name}: fast ({ms} ms)")
            case {"tool": name, "status": 200}:
                print(f"{name}: ok")
            case ("timeout", name):
                timeouts += 1
                print(f"{name}: timeout")
            case _:
                print("unexpected", r)
    print("timeouts:", timeouts)


asyncio.run(main())
