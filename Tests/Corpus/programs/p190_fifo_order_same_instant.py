import asyncio


async def guarded_call(semaphore, name, delay):
    print(f"{name} waiting")
    async with semaphore:
        print(f"{name} acquired")
        await asyncio.sleep(delay)
        print(f"{name} releasing")
    return name


async def main():
    semaphore = asyncio.Semaphore(2)
    order = await asyncio.gather(*(guarded_call(semaphore, f"t{i}", 0.1) for i in range(5)))
    print(order)


asyncio.run(main())
