import asyncio

TOOLS = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
         ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def worker(wid, queue, results, timeout):
    while True:
        name, delay = await queue.get()
        try:
            results[name] = await asyncio.wait_for(call_tool(name, delay), timeout)
        except asyncio.TimeoutError:
            results[name] = f"{name}:timeout"
        print(f"worker {wid} handled {name}")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for tool in TOOLS:
        queue.put_nowait(tool)
    results = {}
    workers = [asyncio.create_task(worker(i, queue, results, 0.15)) for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    ordered = [results[n] for n, _ in TOOLS]
    print(ordered)
    print("timeouts:", sum(r.endswith(":timeout") for r in ordered))


asyncio.run(main())
