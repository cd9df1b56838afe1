import asyncio
from enum import Enum


class Code(int, Enum):
    OK = 200
    TOO_MANY = 429
    TIMEOUT = 504


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return Code.TOO_MANY if delay < 0.06 else Code.OK


async def guarded_call(semaphore, name, delay):
    async with semaphore:
        try:
            code = await asyncio.wait_for(call_tool(name, delay), timeout=0.15)
        except asyncio.TimeoutError:
            code = Code.TIMEOUT
        return name, code


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("rerank", 0.05), ("database", 0.2), ("weather", 0.08), ("upload", 0.4)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d) for n, d in tools))
    for name, code in results:
        print(f"{name:<9}|{code.value:>4}|{code.value:d}|{int(code):5d}|{code:>14}|")
        print("   ", code, str(code), repr(code), "%d %s" % (code, code))
    by_code = sorted(results, key=lambda r: r[1], reverse=True)
    print([f"{n}={c.name}" for n, c in by_code])
    print(sorted({c for _, c in results}))
    print("arith:", Code.TIMEOUT - Code.OK, Code.OK * 2, Code.TOO_MANY % 100, -Code.OK, Code.OK / 8)
    print("compare:", Code.OK == 200, Code.TIMEOUT > 500, Code(429), Code["TIMEOUT"], max(Code))
    print("timeouts:", sum(c == 504 for _, c in results))


asyncio.run(main())
