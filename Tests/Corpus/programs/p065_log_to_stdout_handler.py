import asyncio
import logging
import sys

logger = logging.getLogger("batch")
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
logger.addHandler(handler)
logger.setLevel(logging.INFO)


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        logger.info("acquired slot for %s", name)
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            logger.warning("%s timed out", name)
            return f"{name}:timeout"
        finally:
            logger.info("released slot for %s", name)


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15)
                                     for n, d in [("search", 0.1), ("database", 0.2), ("rerank", 0.05)]))
    print(results)


asyncio.run(main())
