import asyncio


async def guarded(semaphore, name, delay, timeout):
    async with semaphore:
        await asyncio.wait_for(asyncio.sleep(delay), timeout)
        return f"{name}:ok"


async def main():
    semaphore = asyncio.Semaphore(3)
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(guarded(semaphore, n, d, 0.15)) for n, d in [("a", 0.1), ("b", 0.2), ("c", 0.05)]]
    except* TimeoutError as eg:
        print("timeouts:", len(eg.exceptions), type(eg).__name__)
    print([t.result() if not t.cancelled() and t.exception() is None else "-" for t in tasks])


asyncio.run(main())
