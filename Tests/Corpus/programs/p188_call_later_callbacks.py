import asyncio


def announce(msg, loop):
    print(f"[{loop.time():.2f}] {msg}")


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.1, announce, "0.1s mark", loop)
    loop.call_later(0.15, announce, "timeout mark", loop)
    loop.call_soon(announce, "soon", loop)
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in [("a", 0.1), ("b", 0.15), ("c", 0.05)]))
    announce(results, loop)


asyncio.run(main())
