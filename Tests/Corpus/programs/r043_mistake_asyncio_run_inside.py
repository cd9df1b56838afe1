import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return name


async def guarded(sem, name, delay, timeout):
    async with sem:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout)
        except asyncio.TimeoutError:
            return "timeout"


def run_batch(plan):
    sem = asyncio.Semaphore(2)
    return asyncio.run(asyncio.gather(*(guarded(sem, n, d, 0.3) for n, d in plan)))


async def main():
    print("first batch (inside a coroutine):")
    try:
        print(run_batch([("a", 0.1), ("b", 0.5)]))
    except RuntimeError as exc:
        print("RuntimeError:", exc)
    results = asyncio.run(call_tool("c", 0.1))
    print(results)


print(run_batch.__name__)
try:
    run_batch([("x", 0.1)])
except ValueError as exc:
    print("ValueError:", exc)
asyncio.run(main())
