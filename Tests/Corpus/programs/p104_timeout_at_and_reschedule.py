import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    loop = asyncio.get_running_loop()
    semaphore = asyncio.Semaphore(2)
    results = []
    async with semaphore:
        try:
            async with asyncio.timeout_at(loop.time() + 0.15) as cm:
                results.append(await call_tool("search", 0.1))
                cm.reschedule(loop.time() + 0.3)
                results.append(await call_tool("database", 0.2))
                results.append(await call_tool("slow_tool", 1.0))
        except TimeoutError:
            results.append("slow_tool:timeout")
            print("expired:", cm.expired())
    print(results, f"{loop.time():.2f}")


asyncio.run(main())
