import asyncio
import logging
import sys


class OnlyProblems(logging.Filter):
    def filter(self, record):
        record.tag = "!" if record.levelno >= logging.WARNING else "."
        return record.levelno >= logging.WARNING or "slow" in record.getMessage()


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("{tag} {levelname:<7} {name}: {message}", style="{"))
handler.addFilter(OnlyProblems())
log = logging.getLogger("batch")
log.setLevel(logging.DEBUG)
log.addHandler(handler)
log.propagate = False
plain = logging.StreamHandler(sys.stdout)
plain.setFormatter(logging.Formatter("%(levelname).1s|%(name)s|%(message)s"))
child = logging.getLogger("batch.tools")
child.addHandler(plain)


async def tool(name, delay):
    await asyncio.sleep(delay)
    return name


async def guarded(sem, name, delay, timeout):
    adapter = logging.LoggerAdapter(child, {"tool": name})
    async with sem:
        adapter.debug("start %s", name)
        try:
            result = await asyncio.wait_for(tool(name, delay), timeout)
            adapter.info("%s done in %.2fs%s", name, delay, " (slow)" if delay > 0.2 else "")
            return result
        except asyncio.TimeoutError:
            adapter.warning("%s timed out after %ss", name, timeout)
            return None


async def main():
    sem = asyncio.Semaphore(2)
    plan = [("a", 0.1), ("b", 0.25), ("c", 0.5), ("d", 0.0)]
    results = await asyncio.gather(*(guarded(sem, n, d, 0.3) for n, d in plan))
    log.info("results: %s", results)
    log.error("timeouts: %d", results.count(None))
    log.debug("this debug mentions slow so it passes the filter")
    print(child.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG), logging.getLevelName(25), logging.getLevelName("ERROR"))
    logging.warning("root logger, no handlers configured")


asyncio.run(main())
