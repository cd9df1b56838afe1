import asyncio
import heapq
import time


async def call(name, d):
    await asyncio.sleep(d)


async def guarded(sem, name, d, timeout=0.3):
    async with sem:
        t = time.perf_counter()
        try:
            await asyncio.wait_for(call(name, d), timeout)
            ok = True
        except asyncio.TimeoutError:
            ok = False
        return name, ok, round(time.perf_counter() - t, 4)


async def main():
    plan = {"a": 0.12, "b": 0.29, "c": 0.31, "d": 0.07, "e": 0.18, "f": 0.5, "g": 0.22}
    sem = asyncio.Semaphore(3)
    rows = await asyncio.gather(*(guarded(sem, n, d) for n, d in plan.items()))
    print(rows)
    print("3 slowest:", heapq.nlargest(3, rows, key=lambda r: r[2]))
    print("2 fastest:", heapq.nsmallest(2, rows, key=lambda r: r[2]))
    heap = []
    for name, ok, took in rows:
        heapq.heappush(heap, (-took, name))
    print([heapq.heappop(heap)[1] for _ in range(3)])
    print("timeouts:", [n for n, ok, _ in rows if not ok])


asyncio.run(main())
