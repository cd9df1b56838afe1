import asyncio


async def worker(queue, results):
    while True:
        name, delay = await queue.get()
        await asyncio.sleep(delay)
        results.append(f"{name}:ok")
        # forgot queue.task_done()


async def main():
    queue = asyncio.Queue()
    for item in [("search", 0.1), ("database", 0.2), ("rerank", 0.05)]:
        await queue.put(item)
    results = []
    workers = [asyncio.create_task(worker(queue, results)) for _ in range(2)]
    await queue.join()
    print(results)


asyncio.run(main())
