import asyncio
from enum import Enum


class Status(str, Enum):
    OK = "ok"
    TIMEOUT = "timeout"


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return "ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return "timed out"


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("rerank", 0.05)]
    raw = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    print(raw)
    statuses = []
    for text in raw:
        status = Status(text)
        print(f"{text!r} -> {status!r}")
        statuses.append(status)
    print("timeouts:", statuses.count(Status.TIMEOUT))


asyncio.run(main())
