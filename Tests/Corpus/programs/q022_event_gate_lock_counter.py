import asyncio

go = None
lock = None
stats = {"ok": 0, "timeout": 0}


async def call(name, delay):
    await asyncio.sleep(delay)
    return name


async def guarded(sem, name, delay):
    await go.wait()
    async with sem:
        try:
            r = await asyncio.wait_for(call(name, delay), 0.2)
            key = "ok"
        except asyncio.TimeoutError:
            r, key = None, "timeout"
    async with lock:
        current = stats[key]
        await asyncio.sleep(0)
        stats[key] = current + 1
    return r


async def starter():
    print("warming up")
    await asyncio.sleep(0.1)
    print("go!", go.is_set())
    go.set()


async def main():
    global go, lock
    go, lock = asyncio.Event(), asyncio.Lock()
    sem = asyncio.Semaphore(2)
    calls = [guarded(sem, f"t{i}", 0.07 * i) for i in range(1, 6)]
    *results, _ = await asyncio.gather(*calls, starter())
    print(results)
    print(stats, "locked:", lock.locked(), "set:", go.is_set())


asyncio.run(main())
