import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name == "flaky":
        raise ConnectionError(f"{name} dropped")
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    tools = [("search", 0.1), ("flaky", 0.12), ("database", 0.3), ("rerank", 0.05)]
    tasks = []
    try:
        async with asyncio.TaskGroup() as tg:
            for n, d in tools:
                tasks.append(tg.create_task(guarded_call(semaphore, n, d, 0.2)))
    except* ConnectionError as group:
        print("connection errors:", [str(e) for e in group.exceptions])
    for (n, _), t in zip(tools, tasks):
        print(n, "cancelled" if t.cancelled() else t.exception() or t.result())


asyncio.run(main())
