import asyncio
from enum import IntEnum


class Priority(IntEnum):
    LOW = 1
    NORMAL = 2
    HIGH = 3


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(sem, name, delay, priority):
    async with sem:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=0.15), priority
        except asyncio.TimeoutError:
            return f"{name}:timeout", priority


async def main():
    sem = asyncio.Semaphore(2)
    tools = [
        ("search", 0.1, Priority.HIGH),
        ("database", 0.2, Priority.NORMAL),
        ("weather", 0.08, Priority.LOW),
        ("model_api", 0.3, Priority.HIGH),
        ("rerank", 0.05, Priority.NORMAL),
    ]
    tools.sort(key=lambda t: t[2], reverse=True)
    print([t[0] for t in tools])
    results = await asyncio.gather(*(guarded_call(sem, n, d, p) for n, d, p in tools))
    for result, priority in results:
        print(result, priority, f"{priority}", f"[{priority:>3}]", repr(priority))
    print("total priority:", sum(p for _, p in results))
    print("bumped:", Priority.LOW + 1, Priority(Priority.LOW + 1))
    print("high or more:", [r for r, p in results if p >= Priority.HIGH])
    print(list(Priority), Priority.HIGH * 10, str(Priority.NORMAL))
    timeouts = sum(r.endswith(":timeout") for r, _ in results)
    print("timeouts:", timeouts)


asyncio.run(main())
