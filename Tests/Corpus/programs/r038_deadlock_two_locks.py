import asyncio


async def transfer(name, first, second, delay, log):
    async with first:
        log.append(f"{name} holds one lock")
        await asyncio.sleep(delay)
        async with second:
            log.append(f"{name} holds both")
            return name


async def main():
    log = []
    cache_lock = asyncio.Lock()
    db_lock = asyncio.Lock()
    sem = asyncio.Semaphore(4)

    async def guarded(name, a, b, delay):
        async with sem:
            return await transfer(name, a, b, delay, log)

    print(await guarded("warmup", cache_lock, db_lock, 0.1))
    print(log)
    results = await asyncio.gather(
        guarded("sync-cache", cache_lock, db_lock, 0.1),
        guarded("sync-db", db_lock, cache_lock, 0.1),
    )
    print("never printed", results)


asyncio.run(main())
