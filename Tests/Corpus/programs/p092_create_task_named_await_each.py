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
    semaphore = asyncio.Semaphore(3)
    tools = {"search": 0.1, "database": 0.2, "slow_tool": 1.0, "rerank": 0.05}
    tasks = {}
    for name, delay in tools.items():
        tasks[name] = asyncio.create_task(guarded_call(semaphore, name, delay, 0.15), name=f"task-{name}")
    for name, task in tasks.items():
        result = await task
        print(task.get_name(), "->", result)


asyncio.run(main())
