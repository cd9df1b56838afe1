import asyncio


async def background(name):
    try:
        while True:
            await asyncio.sleep(0.1)
            print(f"{name} heartbeat")
    finally:
        print(f"{name} stopped")


async def main():
    asyncio.create_task(background("monitor"))
    semaphore = asyncio.Semaphore(2)

    async def guarded(name, delay):
        async with semaphore:
            try:
                return await asyncio.wait_for(asyncio.sleep(delay, f"{name}:ok"), 0.15)
            except asyncio.TimeoutError:
                return f"{name}:timeout"

    print(await asyncio.gather(guarded("a", 0.1), guarded("b", 0.3), guarded("c", 0.12)))


asyncio.run(main())
