"""Lesson 7 with a parser that fails in its worker thread: the traceback goes through the worker.

A blocking parser runs in asyncio.to_thread (and once through run_in_executor); a bad document
raises inside the thread, and the handler logs the whole traceback, as the page advises.
"""
import asyncio
import logging
import sys
import time
import traceback

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s", stream=sys.stdout)
log = logging.getLogger("batch")


def parse(doc, seconds):
    time.sleep(seconds)
    if doc.endswith(".bin"):
        raise ValueError(f"{doc}: not text")
    return len(doc)


async def tool(doc, seconds):
    return await asyncio.to_thread(parse, doc, seconds)


async def guarded(semaphore, doc, seconds):
    async with semaphore:
        try:
            return await asyncio.wait_for(tool(doc, seconds), timeout=0.5)
        except asyncio.TimeoutError:
            log.warning("%s timed out", doc)
            return None
        except ValueError:
            log.exception("%s failed", doc)
            return -1


async def main():
    semaphore = asyncio.Semaphore(2)
    sizes = await asyncio.gather(
        guarded(semaphore, "readme.md", 0.2),
        guarded(semaphore, "image.bin", 0.1),
        guarded(semaphore, "huge.txt", 0.9),
    )
    print("sizes:", sizes)
    try:
        await asyncio.get_running_loop().run_in_executor(None, parse, "core.bin", 0.05)
    except ValueError:
        print("".join(traceback.format_exc().splitlines(keepends=True)[-5:]), end="")
    # Uncaught: the traceback on stderr goes through to_thread and the worker.
    await tool("last.bin", 0.01)


asyncio.run(main())
