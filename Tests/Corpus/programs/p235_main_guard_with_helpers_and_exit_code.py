import asyncio
import sys

TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
         ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]


async def call_tool(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore: asyncio.Semaphore, name: str, delay: float, timeout: float) -> str:
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


def report(results: list[str]) -> int:
    timeouts = sum(r.endswith(":timeout") for r in results)
    print(results)
    print("timeouts:", timeouts)
    return timeouts


async def main() -> int:
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in TOOLS))
    return report(list(results))


if __name__ == "__main__":
    sys.exit(0 if asyncio.run(main()) < 5 else 1)
