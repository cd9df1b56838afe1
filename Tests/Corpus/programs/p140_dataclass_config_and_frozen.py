import asyncio
from dataclasses import dataclass, field, asdict


@dataclass(frozen=True)
class Config:
    limit: int = 3
    timeout: float = 0.15


@dataclass(order=True)
class Call:
    delay: float
    name: str = field(compare=False)
    status: str = field(default="pending", compare=False)


async def run(call: Call, semaphore: asyncio.Semaphore, cfg: Config) -> Call:
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(call.delay), cfg.timeout)
            call.status = "ok"
        except asyncio.TimeoutError:
            call.status = "timeout"
    return call


async def main():
    cfg = Config()
    calls = [Call(d, n) for n, d in [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05)]]
    semaphore = asyncio.Semaphore(cfg.limit)
    done = await asyncio.gather(*(run(c, semaphore, cfg) for c in calls))
    print(cfg, asdict(cfg))
    for c in sorted(done):
        print(c)
    try:
        cfg.limit = 5
    except Exception as error:
        print(type(error).__name__, error)


asyncio.run(main())
