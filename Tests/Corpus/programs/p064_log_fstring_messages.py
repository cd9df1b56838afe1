import asyncio
import logging

logging.basicConfig(level="INFO", format="{levelname} {message}", style="{")
logger = logging.getLogger(__name__)


async def fetch(tool, delay):
    await asyncio.sleep(delay)
    return f"{tool}:ok"


async def guarded(sem, tool, delay, timeout=0.15):
    async with sem:
        try:
            result = await asyncio.wait_for(fetch(tool, delay), timeout)
        except asyncio.TimeoutError:
            logger.warning(f"{tool} took longer than {timeout}s")
            result = f"{tool}:timeout"
        logger.info(f"{tool:>10} -> {result}")
        return result


async def main():
    sem = asyncio.Semaphore(3)
    delays = {"search": 0.1, "database": 0.2, "slow_tool": 1.0, "rerank": 0.05,
              "embed": 0.12, "upload": 0.4, "weather": 0.08, "model_api": 0.3}
    results = await asyncio.gather(*[guarded(sem, t, d) for t, d in delays.items()])
    logger.info(f"timeouts: {sum(r.endswith(':timeout') for r in results)}")


asyncio.run(main())
