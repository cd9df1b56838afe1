import asyncio


async def producer(queue, n):
    for i in range(n):
        await asyncio.sleep(0.03)
        await queue.put((f"job{i}", 0.05 * (i % 4)))
        print(f"produced job{i} (qsize={queue.qsize()})")
    await queue.put(None)


async def consumer(queue, semaphore, out):
    while (item := await queue.get()) is not None:
        name, delay = item
        async with semaphore:
            try:
                await asyncio.wait_for(asyncio.sleep(delay), 0.12)
                out.append(f"{name}:ok")
            except asyncio.TimeoutError:
                out.append(f"{name}:timeout")
    print("consumer saw the sentinel")


async def main():
    queue = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(queue, 6), consumer(queue, asyncio.Semaphore(1), out))
    print(out)


asyncio.run(main())
