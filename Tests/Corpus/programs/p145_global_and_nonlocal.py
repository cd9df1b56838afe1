import asyncio

calls_made = 0


async def call_tool(name, delay):
    global calls_made
    calls_made += 1
    await asyncio.sleep(delay)
    return f"{name}:ok"


def make_counter():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count
    return bump


async def main():
    semaphore = asyncio.Semaphore(3)
    timeouts = make_counter()
    last = 0

    async def guarded(name, delay):
        nonlocal last
        async with semaphore:
            try:
                return await asyncio.wait_for(call_tool(name, delay), 0.15)
            except asyncio.TimeoutError:
                last = timeouts()
                return f"{name}:timeout"

    results = await asyncio.gather(*(guarded(n, d) for n, d in [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05)]))
    print(results)
    print("calls:", calls_made, "timeouts:", last)


asyncio.run(main())
