import asyncio
from enum import Enum


class Code(int, Enum):
    OK = 200
    NOT_FOUND = 404
    TIMEOUT = 504


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return Code.NOT_FOUND if name == "lookup" else Code.OK


async def guarded_call(semaphore, name, delay):
    async with semaphore:
        try:
            return name, await asyncio.wait_for(call_tool(name, delay), timeout=0.15)
        except asyncio.TimeoutError:
            return name, Code.TIMEOUT


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("lookup", 0.05), ("database", 0.2), ("embed", 0.12), ("upload", 0.4)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d) for n, d in tools))
    for name, code in results:
        print(f"{name:<10}{code:>4} {code:d}", code, code.value)
    codes = [code for _, code in results]
    print("sorted:", sorted(codes))
    print("max:", max(codes), "sum:", sum(codes))
    print("arith:", Code.TIMEOUT - Code.OK, Code.OK + 1, Code.NOT_FOUND // 100)
    print("compare:", Code.OK < Code.TIMEOUT, Code.OK == 200, Code(504) is Code.TIMEOUT)
    print("errors:", [c.name for c in codes if c >= 400])
    print("timeouts:", codes.count(Code.TIMEOUT))


asyncio.run(main())
