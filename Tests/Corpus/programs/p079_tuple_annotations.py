import asyncio

Result = tuple[str, float]


async def call_tool(name: str, delay: float) -> Result:
    await asyncio.sleep(delay)
    return name, delay


async def guarded_call(semaphore: asyncio.Semaphore, name: str, delay: float, timeout: float) -> tuple[str, str]:
    async with semaphore:
        try:
            got: Result = await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
            return got[0], "ok"
        except asyncio.TimeoutError:
            return name, "timeout"


async def main() -> list[tuple[str, str]]:
    semaphore = asyncio.Semaphore(3)
    tools: list[Result] = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05)]
    return list(await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools)))


pairs = asyncio.run(main())
print(pairs)
print("timeouts:", sum(status == "timeout" for _, status in pairs))
print(main.__annotations__)
