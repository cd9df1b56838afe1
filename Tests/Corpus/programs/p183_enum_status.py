import asyncio
from enum import Enum


class Status(Enum):
    OK = "ok"
    TIMEOUT = "timeout"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout=timeout)
            return name, Status.OK
        except asyncio.TimeoutError:
            return name, Status.TIMEOUT


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    for name, status in results:
        print(f"{name}:{status.value}", status, status.name)
    print("timeouts:", sum(s is Status.TIMEOUT for _, s in results))
    print(list(Status), Status("ok"))


asyncio.run(main())
