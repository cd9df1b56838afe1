import asyncio
import logging

logging.basicConfig(level=logging.DEBUG, format="%(name)s|%(levelname)s|%(message)s")
root = logging.getLogger()
tool_log = logging.getLogger("app.tools")
tool_log.setLevel(logging.INFO)
main_log = logging.getLogger("app.main")


async def call_tool(name, delay):
    tool_log.debug("hidden: %s", name)
    await asyncio.sleep(delay)
    tool_log.info("finished %s", name)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            tool_log.warning("timeout %s", name)
            return f"{name}:timeout"


async def main():
    main_log.debug("limit=%d timeout=%s", 3, 0.15)
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("rerank", 0.05), ("upload", 0.4)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    main_log.info("results=%r", results)
    main_log.critical("timeouts=%d", sum(r.endswith(":timeout") for r in results))


asyncio.run(main())
