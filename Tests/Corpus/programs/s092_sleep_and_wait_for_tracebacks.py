import asyncio, sys, traceback

async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.1)
    except asyncio.TimeoutError:
        traceback.print_exc(file=sys.stdout)
    t = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        traceback.print_exc(file=sys.stdout)
    r = await asyncio.gather(asyncio.wait_for(asyncio.sleep(1, result="late"), 0.05), return_exceptions=True)
    traceback.print_exception(r[0], file=sys.stdout) if sys.version_info >= (3, 10) else None

asyncio.run(main())
