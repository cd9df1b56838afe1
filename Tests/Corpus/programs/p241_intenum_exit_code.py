import asyncio
import sys
from enum import IntEnum


class Exit(IntEnum):
    SUCCESS = 0
    SOME_TIMEOUTS = 3
    ALL_TIMEOUTS = 4


async def guarded_call(semaphore, name, delay, timeout=0.15):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout=timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("embed", 0.12)]
    results = await asyncio.gather(*(guarded_call(semaphore, *t) for t in tools))
    print(results)
    timeouts = sum(r.endswith(":timeout") for r in results)
    if timeouts == 0:
        code = Exit.SUCCESS
    elif timeouts == len(results):
        code = Exit.ALL_TIMEOUTS
    else:
        code = Exit.SOME_TIMEOUTS
    print(f"timeouts: {timeouts}, exit code {code:d} ({code.name})")
    print("exit:", code, f"{code}", code == 3, bool(code), code > Exit.SUCCESS)
    return code


sys.exit(asyncio.run(main()))
