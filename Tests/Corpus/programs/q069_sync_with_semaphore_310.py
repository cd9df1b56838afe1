import asyncio


async def main():
    sem = asyncio.Semaphore(2)
    with sem:  # mistake: should be `async with`; 3.10 says "AttributeError: __enter__"
        await asyncio.sleep(0.1)


asyncio.run(main())
