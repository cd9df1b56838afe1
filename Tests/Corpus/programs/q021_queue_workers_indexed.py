import asyncio

CALLS = [("pdf", 0.2), ("ocr", 0.6), ("tts", 0.1), ("stt", 0.25), ("nlp", 0.05), ("img", 0.4)]


async def call(name, d):
    await asyncio.sleep(d)
    return name.upper()


async def worker(wid, queue, results, counts):
    while True:
        item = await queue.get()
        if item is None:
            queue.task_done()
            break
        idx, name, d = item
        try:
            results[idx] = await asyncio.wait_for(call(name, d), timeout=0.3)
            counts["ok"] += 1
        except asyncio.TimeoutError:
            results[idx] = "timeout"
            counts["timeout"] += 1
        finally:
            print(f"worker {wid} finished {name}")
            queue.task_done()


async def main():
    queue = asyncio.Queue()
    results = [None] * len(CALLS)
    counts = {"ok": 0, "timeout": 0}
    for i, (n, d) in enumerate(CALLS):
        queue.put_nowait((i, n, d))
    workers = [asyncio.create_task(worker(w, queue, results, counts)) for w in range(3)]
    for _ in workers:
        await queue.put(None)
    await queue.join()
    await asyncio.gather(*workers)
    print(results)
    print(counts, queue.qsize(), queue.empty())


asyncio.run(main())
