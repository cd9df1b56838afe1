import asyncio
import sys
import traceback


async def tool(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    calls = [asyncio.wait_for(tool(d), 0.1) for d in (0.2, 0.01, 0.3)]
    results = await asyncio.gather(*calls, return_exceptions=True)
    for r in results:
        if isinstance(r, BaseException):
            print("failed:", type(r).__name__)
            traceback.print_exception(type(r), r, r.__traceback__, file=sys.stdout)
        else:
            print("ok", r)
    task = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("".join(traceback.format_exc().splitlines(True)[-3:]), end="")


asyncio.run(main())
