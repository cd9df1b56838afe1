import asyncio
from enum import Enum


class Status(str, Enum):
    OK = "ok"
    TIMEOUT = "timeout"


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return name


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
            return name, Status.OK
        except asyncio.TimeoutError:
            return name, Status.TIMEOUT


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05), ("embed", 0.12)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    for name, status in results:
        print(name, status)
        print(f"  {name}: {status} / {status.value} / {status!r}")
    print("str:", str(Status.OK), "repr:", repr(Status.TIMEOUT))
    print("name/value:", Status.TIMEOUT.name, Status.TIMEOUT.value)
    print("== 'ok':", [s == "ok" for _, s in results])
    print("members:", list(Status))
    print("lookup:", Status("ok"), Status("ok") is Status.OK)
    timeouts = sum(1 for _, s in results if s == Status.TIMEOUT)
    print(f"timeouts: {timeouts}")


asyncio.run(main())
