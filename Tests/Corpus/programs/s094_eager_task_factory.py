"""Eager tasks (3.12+): a cached answer finishes inside create_task, the rest wait their turn.

With loop.set_task_factory(asyncio.eager_task_factory) each task's first step runs at once, inside
create_task; a task that never waits is done before create_task returns.
"""
import asyncio
import sys

CACHE = {"search": "search:cached", "rerank": "rerank:cached"}
TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05), ("embed", 0.12)]


async def call_tool(name, delay):
    print(f"{asyncio.get_running_loop().time():.2f} start {name} in {asyncio.current_task().get_name()}")
    if name in CACHE:
        return CACHE[name]
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded(semaphore, name, delay):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=0.15)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    loop = asyncio.get_running_loop()
    if sys.version_info >= (3, 12):
        loop.set_task_factory(asyncio.eager_task_factory)
        print("factory is eager:", loop.get_task_factory() is asyncio.eager_task_factory)
    semaphore = asyncio.Semaphore(2)
    tasks = []
    for name, delay in TOOLS:
        task = asyncio.create_task(guarded(semaphore, name, delay), name=f"call-{name}")
        print(f"created {task.get_name()}: done={task.done()}")
        tasks.append(task)
    results = await asyncio.gather(*tasks)
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))
    # Gather of coroutines: each child is a task made through the factory.
    more = await asyncio.gather(call_tool("rerank", 0), call_tool("embed", 0.01))
    print(more)
    loop.set_task_factory(None)
    print("factory after reset:", loop.get_task_factory())


asyncio.run(main())
