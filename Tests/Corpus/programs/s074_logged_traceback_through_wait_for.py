"""log.exception around wait_for: the traceback shows wait_for's own line in asyncio/tasks.py,
which each version has at another place (and 3.10/3.11 at another line without a timeout)."""
import asyncio
import logging
import sys
import traceback

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(name)s: %(message)s")
log = logging.getLogger("tools")


class ToolError(Exception):
    pass


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return {"name": name}["rows"]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    if name == "flaky":
        raise ToolError(f"{name} reset by peer")
    if name == "broken":
        return await fetch(name, delay)
    return f"{name}:ok"


async def guarded(sem, name, delay, timeout):
    async with sem:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            log.warning("%s timed out", name)
            return f"{name}:timeout"
        except ToolError:
            log.exception("%s failed", name)
            return f"{name}:error"
        except Exception as error:
            print(f"--- {name}: {type(error).__name__}")
            traceback.print_exc(file=sys.stdout)
            return f"{name}:bug"


async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(
        guarded(sem, "search", 0.05, 0.2),
        guarded(sem, "flaky", 0.05, 0.2),
        guarded(sem, "broken", 0.02, None),
        guarded(sem, "slow", 0.5, 0.2),
    )
    print(results)


asyncio.run(main())
