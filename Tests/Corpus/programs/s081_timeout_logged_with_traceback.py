"""Eight tools behind Semaphore(3); a call that times out is logged with its traceback.

The lesson page says to log which tool timed out. logging.exception inside the except block
writes the message and the traceback: the CancelledError the timeout caused in the tool, then
the TimeoutError wait_for raised from it.
"""
import asyncio
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("batch")

TOOLS = {"search": 0.1, "database": 0.2, "rerank": 0.05, "upload": 0.4}


async def fetch(delay):
    await asyncio.sleep(delay)
    return delay


async def call_tool(name, delay):
    value = await fetch(delay)
    return f"{name}:{value}"


async def guarded(semaphore, name, delay):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=0.15)
        except asyncio.TimeoutError:
            log.exception("tool %s timed out", name)
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded(semaphore, n, d) for n, d in TOOLS.items()))
    print(results)
    print("timeouts:", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
