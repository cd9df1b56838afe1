import asyncio


async def main():
    errors = []
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.1)
    except asyncio.TimeoutError as e:
        errors.append(e)
    try:
        async with asyncio.Semaphore(1):
            raise RuntimeError("inside the semaphore")
    except RuntimeError as e:
        errors.append(e)
    for e in errors:
        print(type(e).__name__, repr(e), f"[{e}]", e.args)


asyncio.run(main())
