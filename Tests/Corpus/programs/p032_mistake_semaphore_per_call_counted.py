import asyncio

running = 0
peak = 0


async def call_tool(name, delay):
    global running, peak
    running += 1
    peak = max(peak, running)
    try:
        await asyncio.sleep(delay)
        return f"{name}:ok"
    finally:
        running -= 1


async def guarded_call(name, delay):
    async with asyncio.Semaphore(2):
        try:
            return await asyncio.wait_for(call_tool(name, delay), 0.3)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    results = await asyncio.gather(*(guarded_call(f"tool{i}", 0.1 * i) for i in range(1, 6)))
    print(results)
    print("peak concurrency:", peak)


asyncio.run(main())
