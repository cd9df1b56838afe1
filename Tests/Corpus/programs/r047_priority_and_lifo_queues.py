import asyncio


async def call(name, delay, timeout):
    try:
        await asyncio.wait_for(asyncio.sleep(delay), timeout)
        return "ok"
    except asyncio.TimeoutError:
        return "timeout"


async def worker(wid, queue, done, timeout):
    while True:
        priority, seq, name, delay = await queue.get()
        try:
            status = await call(name, delay, timeout)
            done.append((seq, name, priority, status, wid))
        finally:
            queue.task_done()


async def main():
    jobs = [(3, "report", 0.1), (1, "auth", 0.2), (2, "search", 0.5), (1, "billing", 0.1), (5, "email", 0.05),
            (2, "index", 0.3)]
    queue = asyncio.PriorityQueue()
    for seq, (priority, name, delay) in enumerate(jobs):
        queue.put_nowait((priority, seq, name, delay))
    print("queued", queue.qsize(), "full:", queue.full())
    done = []
    workers = [asyncio.create_task(worker(f"w{i}", queue, done, 0.35)) for i in range(2)]
    await queue.join()
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
    for seq, name, priority, status, wid in done:
        print(f"p{priority} {name:<8}{status:<8}{wid}")
    print("in call order:", [name for _, name, *_ in sorted(done)])
    stack = asyncio.LifoQueue(maxsize=2)
    await stack.put("first")
    stack.put_nowait("second")
    try:
        stack.put_nowait("third")
    except asyncio.QueueFull:
        print("QueueFull at", stack.qsize(), stack.full())
    print(stack.get_nowait(), await stack.get(), stack.empty())
    try:
        stack.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty", round(asyncio.get_running_loop().time(), 3))


asyncio.run(main())
