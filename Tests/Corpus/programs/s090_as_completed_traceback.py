import asyncio
import sys
import traceback


class ToolBroke(Exception):
    pass


async def tool(i, delay):
    await asyncio.sleep(delay)
    if i == 2:
        raise ToolBroke(f"tool {i} broke")
    return i * 10


async def main():
    tasks = [asyncio.create_task(tool(i, 0.1 * (i + 1))) for i in range(4)]
    try:
        for next_done in asyncio.as_completed(tasks):
            print("got", await next_done)
    except ToolBroke:
        traceback.print_exc(file=sys.stdout)
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in results])


asyncio.run(main())
