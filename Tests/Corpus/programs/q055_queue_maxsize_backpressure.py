import asyncio

produced = []


async def call(item):
    await asyncio.sleep(item / 10)
    return item * 10


async def producer(q, items):
    for it in items:
        await q.put(it)
        produced.append((it, q.qsize()))
    for _ in range(2):
        await q.put(None)


async def consumer(cid, q, results, sem):
    while (item := await q.get()) is not None:
        async with sem:
            try:
                results[item] = await asyncio.wait_for(call(item), 0.35)
            except asyncio.TimeoutError:
                results[item] = "timeout"
        print(f"c{cid} handled {item}")


async def main():
    q = asyncio.Queue(maxsize=2)
    sem = asyncio.Semaphore(1)
    results = {}
    items = [3, 1, 4, 1, 5, 2]
    await asyncio.gather(producer(q, items), consumer(1, q, results, sem), consumer(2, q, results, sem))
    print("produced:", produced)
    print("results:", dict(sorted(results.items())))
    print("timeouts:", list(results.values()).count("timeout"), "full:", q.full())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("queue empty")


asyncio.run(main())
