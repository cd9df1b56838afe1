import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    semaphore = asyncio.Semaphore(3)
    results = []
    tasks = [asyncio.create_task(call_tool(n, d)) for n, d in [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0)]]
    for task in tasks:
        async with semaphore:
            try:
                results.append(await asyncio.wait_for(task, 0.15))
            except asyncio.TimeoutError:
                results.append(f"{task.get_coro().__name__}:timeout")
    print(results, [t.cancelled() for t in tasks])


asyncio.run(main())
