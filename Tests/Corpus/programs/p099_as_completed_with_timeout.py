import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def limited(semaphore, name, delay):
    async with semaphore:
        return await call_tool(name, delay)


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05), ("upload", 0.4)]
    seen = []
    try:
        tasks = [asyncio.create_task(limited(semaphore, n, d)) for n, d in tools]
        for fut in asyncio.as_completed(tasks, timeout=0.35):
            seen.append(await fut)
    except asyncio.TimeoutError:
        print("gave up after 0.35s")
    print(seen)
    print("missing:", len(tools) - len(seen))


asyncio.run(main())
