import asyncio
import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s")
log = logging.getLogger("tools")


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name == "flaky":
        raise ConnectionError("reset by peer")
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            log.warning("%s: timeout", name)
            return f"{name}:timeout"
        except ConnectionError:
            log.exception("%s: connection problem", name)
            return f"{name}:error"


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15)
                                     for n, d in [("search", 0.1), ("flaky", 0.05), ("slow", 0.3)]))
    print(results)


asyncio.run(main())
