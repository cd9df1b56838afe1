# A PriorityQueue of jobs: heapq's order among equal priorities, and a TypeError on a tie of
# uncomparable payloads, as asyncio.PriorityQueue gives them.
import asyncio
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    delay: float = field(compare=False, default=0.1)


async def worker(queue, limit, done):
    while True:
        job = await queue.get()
        async with limit:
            try:
                await asyncio.wait_for(asyncio.sleep(job.delay), timeout=0.25)
                done.append(f"{job.name}:ok")
            except asyncio.TimeoutError:
                done.append(f"{job.name}:timeout")
        queue.task_done()


async def main():
    queue = asyncio.PriorityQueue()
    for i, p in enumerate([3, 1, 2, 1, 3, 2, 1, 2, 3, 1]):
        queue.put_nowait(Job(p, f"job{i}", delay=0.05 * (i % 7)))
    order = []
    probe = asyncio.PriorityQueue()
    for i, p in enumerate([2, 1, 1, 2, 1, 2, 1, 1]):
        probe.put_nowait(Job(p, f"p{i}"))
    while not probe.empty():
        order.append(probe.get_nowait().name)
    print("heap order:", order)
    done = []
    limit = asyncio.Semaphore(2)
    workers = [asyncio.create_task(worker(queue, limit, done)) for _ in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(done)
    bad = asyncio.PriorityQueue()
    bad.put_nowait((1, {"tool": "a"}))
    try:
        bad.put_nowait((1, {"tool": "b"}))
    except TypeError as e:
        print("TypeError:", e, bad.qsize())
    try:
        bad.get_nowait()
        bad.get_nowait()
    except TypeError as e:
        print("again:", e, bad.qsize())


asyncio.run(main())
