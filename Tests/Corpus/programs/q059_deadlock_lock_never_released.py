import asyncio

lock = asyncio.Lock()


async def call(name, d):
    await asyncio.sleep(d)
    return name


async def guarded(sem, name, d):
    async with sem:
        await lock.acquire()
        try:
            result = await asyncio.wait_for(call(name, d), 0.15)
        except asyncio.TimeoutError:
            print(f"{name} timed out")
            return None  # oops: returns while still holding the lock
        lock.release()
        print(f"{name} ok")
        return result


async def main():
    sem = asyncio.Semaphore(3)
    res = await asyncio.gather(guarded(sem, "a", 0.1), guarded(sem, "b", 0.2), guarded(sem, "c", 0.05))
    print(res)


asyncio.run(main())
