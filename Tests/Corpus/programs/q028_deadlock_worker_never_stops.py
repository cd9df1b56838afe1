import asyncio


async def call(name, d):
    await asyncio.sleep(d)
    return name


async def worker(queue, sem, out):
    while True:
        name, d = await queue.get()
        async with sem:
            try:
                out.append(await asyncio.wait_for(call(name, d), 0.2))
            except asyncio.TimeoutError:
                out.append(f"{name}:timeout")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    sem = asyncio.Semaphore(2)
    out = []
    for item in [("a", 0.1), ("b", 0.3), ("c", 0.05)]:
        queue.put_nowait(item)
    workers = [asyncio.create_task(worker(queue, sem, out)) for _ in range(2)]
    await queue.join()
    print("all processed:", out)
    # forgot to cancel the workers, and waits for them
    await asyncio.gather(*workers)
    print("unreachable")


asyncio.run(main())
