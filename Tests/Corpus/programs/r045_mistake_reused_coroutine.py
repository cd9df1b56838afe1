import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def with_retries(name, delay, timeout, attempts=3):
    coro = call_tool(name, delay)
    for attempt in range(1, attempts + 1):
        try:
            return await asyncio.wait_for(coro, timeout)
        except asyncio.TimeoutError:
            print(f"{name}: attempt {attempt} timed out")
        except RuntimeError as exc:
            print(f"{name}: attempt {attempt} RuntimeError: {exc}")
    return f"{name}:failed"


async def main():
    sem = asyncio.Semaphore(2)

    async def limited(name, delay):
        async with sem:
            return await with_retries(name, delay, 0.3)

    results = await asyncio.gather(limited("fast", 0.1), limited("slow", 0.5))
    print(results)
    coro = call_tool("twice", 0.1)
    print(await coro)
    print(await coro)


asyncio.run(main())
