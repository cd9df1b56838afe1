import asyncio

LIMIT = 3
TIMEOUT = 0.15
TOOLS = {"search": 0.1, "database": 0.2, "slow_tool": 1.0, "rerank": 0.05,
         "embed": 0.12, "upload": 0.4, "weather": 0.08, "model_api": 0.3}


async def call_tool(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore: asyncio.Semaphore, name: str, delay: float, timeout: float) -> str:
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main() -> None:
    semaphore = asyncio.Semaphore(LIMIT)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, TIMEOUT) for n, d in TOOLS.items()))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


if __name__ == "__main__":
    asyncio.run(main())
