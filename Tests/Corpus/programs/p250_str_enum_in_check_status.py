import asyncio
from enum import Enum


class Status(str, Enum):
    OK = "ok"
    TIMEOUT = "timeout"


async def guarded_call(semaphore, name, delay, timeout=0.15):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout=timeout)
            return "ok"
        except asyncio.TimeoutError:
            return "timeout"


def is_status(text):
    try:
        return text in Status
    except TypeError as error:
        print("  in failed:", error)
        return text in [s.value for s in Status]


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("rerank", 0.05)]
    raw = await asyncio.gather(*(guarded_call(semaphore, n, d) for n, d in tools))
    statuses = []
    for (name, _), text in zip(tools, raw):
        print(name, repr(text), is_status(text))
        statuses.append(Status(text))
    print(Status.OK in Status, is_status("bogus"))
    print(f"{statuses}")
    print("timeouts:", statuses.count("timeout"))


asyncio.run(main())
