import asyncio
import logging

logger = logging.getLogger("runner")
logging.basicConfig()


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if delay > 0.3:
        raise TimeoutError(f"{name} upstream timeout")
    return f"{name}:ok"


async def main():
    semaphore = asyncio.Semaphore(2)

    async def guarded(name, delay):
        async with semaphore:
            return await call_tool(name, delay)

    try:
        print(await asyncio.gather(guarded("a", 0.1), guarded("b", 0.4)))
    except Exception:
        logger.exception("batch failed")
    print("continuing")


asyncio.run(main())
