import asyncio
from enum import StrEnum, auto


class Status(StrEnum):
    OK = auto()
    TIMEOUT = auto()


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return name


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
            return Status.OK
        except asyncio.TimeoutError:
            return Status.TIMEOUT


async def main():
    semaphore = asyncio.Semaphore(3)
    names = ["search", "database", "slow_tool", "rerank"]
    delays = [0.1, 0.2, 1.0, 0.05]
    statuses = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in zip(names, delays)))
    for name, status in zip(names, statuses):
        print(name + ":" + status, f"{status!r}", status.upper())
    print(list(Status), Status("timeout"), Status.OK == "ok")
    print("timeouts:", statuses.count("timeout"))


asyncio.run(main())
