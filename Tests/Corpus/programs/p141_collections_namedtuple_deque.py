import asyncio
from collections import deque, namedtuple

Tool = namedtuple("Tool", ["name", "delay"])
history = deque(maxlen=3)


async def guarded_call(semaphore, tool, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(tool.delay), timeout=timeout)
            status = "ok"
        except asyncio.TimeoutError:
            status = "timeout"
        history.append(f"{tool.name}:{status}")
        return f"{tool.name}:{status}"


async def main():
    tools = [Tool(*t) for t in [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05), ("embed", 0.12)]]
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, t, 0.15) for t in tools))
    print(results)
    print("last three:", list(history))
    print(tools[0], tools[0]._replace(delay=0.5), Tool._fields)


asyncio.run(main())
