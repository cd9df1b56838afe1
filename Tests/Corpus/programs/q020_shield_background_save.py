import asyncio

saved = []


async def save(name):
    await asyncio.sleep(0.3)
    saved.append(name)
    return f"saved {name}"


async def call(name, delay):
    await asyncio.sleep(delay)
    return await asyncio.shield(save(name))


async def guarded(sem, name, delay):
    async with sem:
        try:
            return await asyncio.wait_for(call(name, delay), timeout=0.35)
        except asyncio.TimeoutError:
            return f"{name}: timeout (save continues)"


async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded(sem, n, d) for n, d in [("doc1", 0.02), ("doc2", 0.1), ("doc3", 0.01)]))
    print(results)
    print("saved so far:", saved)
    await asyncio.sleep(0.5)
    print("saved later:", saved)
    print(f"t={asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
