import asyncio
import itertools

try:
    from itertools import batched
except ImportError:
    def batched(iterable, n):
        it = iter(iterable)
        while chunk := tuple(itertools.islice(it, n)):
            yield chunk


async def call(name, delay, finished):
    await asyncio.sleep(delay)
    finished.append((name, asyncio.get_running_loop().time()))
    return name


async def guarded(sem, name, delay, timeout, finished):
    async with sem:
        try:
            return await asyncio.wait_for(call(name, delay, finished), timeout)
        except asyncio.TimeoutError:
            finished.append((name + "!", asyncio.get_running_loop().time()))
            return None


async def main():
    finished = []
    sem = asyncio.Semaphore(2)
    delays = dict(zip("abcdefg", [0.3, 0.1, 0.25, 0.05, 0.6, 0.2, 0.15]))
    results = await asyncio.gather(*(guarded(sem, n, d, 0.4, finished) for n, d in delays.items()))
    print(results)
    order = [name for name, _ in finished]
    print("completion order:", "".join(order))
    gaps = [round(b[1] - a[1], 3) for a, b in itertools.pairwise(finished)]
    print("gaps:", gaps)
    print("chunks:", list(batched(order, 3)))
    print(f"{sum(r is None for r in results)} timeout(s); last at {finished[-1][1]:.2f}s")


asyncio.run(main())
