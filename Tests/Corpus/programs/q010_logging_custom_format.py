import asyncio
import logging
import sys

logging.basicConfig(
    level=logging.DEBUG,
    format="%(levelname)-8s %(name)s:%(funcName)s | %(message)s",
    stream=sys.stdout,
)
log = logging.getLogger("batch")
tool_log = logging.getLogger("batch.tools")


async def call(name, delay):
    tool_log.debug("start %s (%.2fs)", name, delay)
    await asyncio.sleep(delay)
    if name == "broken":
        raise KeyError(name)
    tool_log.info("finish %s", name)
    return name


async def guarded(sem, name, delay):
    async with sem:
        try:
            return await asyncio.wait_for(call(name, delay), 0.2)
        except asyncio.TimeoutError:
            log.warning("%s timed out", name)
            return "timeout"
        except KeyError as exc:
            log.error("%s failed: %r", name, exc)
            return "error"


async def main():
    sem = asyncio.Semaphore(2)
    plan = [("a", 0.1), ("broken", 0.05), ("slow", 0.5), ("b", 0.15)]
    res = await asyncio.gather(*(guarded(sem, n, d) for n, d in plan))
    logging.getLogger("batch.tools").setLevel(logging.WARNING)
    tool_log.info("this is hidden")
    log.info("results=%s timeouts=%d errors=%d", res, res.count("timeout"), res.count("error"))


asyncio.run(main())
