import asyncio


async def worker(name, steps, semaphore):
    async with semaphore:
        for i in range(steps):
            print(f"{name}{i}", end=" ")
            await asyncio.sleep(0)
    return name


async def main():
    semaphore = asyncio.Semaphore(2)
    done = await asyncio.gather(worker("a", 3, semaphore), worker("b", 2, semaphore), worker("c", 3, semaphore))
    print()
    print(done)


asyncio.run(main())
