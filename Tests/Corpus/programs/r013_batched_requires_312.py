import asyncio
from itertools import batched


async def call(name, delay):
    await asyncio.sleep(delay)
    return name.upper()


async def guarded(name, delay, timeout):
    try:
        return await asyncio.wait_for(call(name, delay), timeout)
    except asyncio.TimeoutError:
        return f"{name}?"


async def main():
    plan = [("a", 0.1), ("b", 0.3), ("c", 0.2), ("d", 0.1), ("e", 0.5), ("f", 0.0), ("g", 0.1)]
    results = []
    for number, chunk in enumerate(batched(plan, 3), 1):
        print(f"batch {number}: {chunk}")
        results += await asyncio.gather(*(guarded(n, d, 0.25) for n, d in chunk))
    print(results, asyncio.get_running_loop().time())


asyncio.run(main())
