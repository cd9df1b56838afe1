# What a queue and a task offer depends on the Python: maxsize always, shutdown from 3.13,
# Task.get_context from 3.12.
import asyncio
import contextvars
import sys

request_id = contextvars.ContextVar("request_id", default="-")


async def worker(name, queue, results):
    request_id.set(name)
    while True:
        delay = await queue.get()
        await asyncio.sleep(delay)
        results.append(f"{name}:{delay}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=3)
    prio = asyncio.PriorityQueue(5)
    print("maxsize", queue.maxsize, prio.maxsize, asyncio.Queue().maxsize)
    print("shutdown", hasattr(queue, "shutdown"), hasattr(asyncio, "QueueShutDown"))
    results = []
    tasks = [asyncio.create_task(worker(f"w{i}", queue, results)) for i in range(2)]
    for delay in (0.1, 0.2, 0.05, 0.1):
        await queue.put(delay)
    await queue.join()
    print(results)
    has = hasattr(tasks[0], "get_context")
    print("get_context", has, sys.version_info >= (3, 12))
    if has:
        ctx = tasks[0].get_context()
        print(ctx.get(request_id), ctx[request_id], request_id.get())
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


asyncio.run(main())
