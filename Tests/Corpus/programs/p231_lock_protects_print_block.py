import asyncio


async def guarded_call(lock, semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            status = "ok"
        except asyncio.TimeoutError:
            status = "timeout"
    async with lock:
        print(f"== {name}")
        await asyncio.sleep(0.01)
        print(f"   status: {status}")
    return f"{name}:{status}"


async def main():
    lock = asyncio.Lock()
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(lock, semaphore, n, d, 0.15) for n, d in [("a", 0.1), ("b", 0.1), ("c", 0.3)]))
    print(results)


asyncio.run(main())
