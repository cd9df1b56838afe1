import asyncio
import logging
import sys
import traceback

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="%(asctime)s %(levelname)s %(message)s")


async def tool(name, delay):
    await asyncio.sleep(delay)
    return name


async def guarded(name, delay):
    try:
        async with asyncio.timeout(0.1):
            result = await tool(name, delay)
        return result
    except TimeoutError as exc:
        logging.error("timeout %s", name, exc_info=exc)
        return None


async def with_print(delay):
    try:
        async with asyncio.timeout(0.05):
            await asyncio.sleep(delay)
    except TimeoutError:
        traceback.print_exc(file=sys.stdout)


async def main():
    results = await asyncio.gather(*(guarded(n, d) for n, d in [("slow", 0.2), ("fast", 0.01)]))
    print(results)
    await with_print(1)


asyncio.run(main())
