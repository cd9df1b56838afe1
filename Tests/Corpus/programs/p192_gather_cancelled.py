import asyncio


async def guarded_call(semaphore, name, delay):
    async with semaphore:
        try:
            await asyncio.sleep(delay)
            return f"{name}:ok"
        except asyncio.CancelledError:
            print(f"{name}: cancelled")
            raise


async def main():
    semaphore = asyncio.Semaphore(2)
    batch = asyncio.gather(*(guarded_call(semaphore, n, d) for n, d in [("a", 0.1), ("b", 0.3), ("c", 0.2)]))
    await asyncio.sleep(0.15)
    batch.cancel()
    try:
        await batch
    except asyncio.CancelledError:
        print("batch cancelled:", batch.cancelled())


asyncio.run(main())
