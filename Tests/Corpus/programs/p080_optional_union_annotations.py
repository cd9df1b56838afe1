from __future__ import annotations

import asyncio
from typing import Optional, Union


async def call_tool(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore: asyncio.Semaphore, name: str, delay: float,
                       timeout: Optional[float] = None) -> Union[str, None]:
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return None


async def main() -> None:
    sem = asyncio.Semaphore(3)
    tools: dict[str, float] = {"search": 0.1, "database": 0.2, "slow_tool": 1.0, "rerank": 0.05}
    results = await asyncio.gather(*(guarded_call(sem, n, d, 0.15) for n, d in tools.items()))
    labels = [r if r is not None else f"{n}:timeout" for n, r in zip(tools, results)]
    print(labels)
    print("timeouts:", results.count(None))
    print(guarded_call.__annotations__["return"])


asyncio.run(main())
