import asyncio


async def main():
    # asyncio.sleep(...) is a coroutine: create_task accepts it (ensure_future/gather already do)
    task = asyncio.create_task(asyncio.sleep(0.1, result="slept"), name="sleeper")
    print(await task)


asyncio.run(main())
