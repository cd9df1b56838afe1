import asyncio


TOOLS = [("vector_store", 0.1), ("reranker", 0.3), ("llm", 0.2)]


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def call_tool(name, delay):
    result = await fetch(name, delay)
    return result


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.25) for n, d in TOOLS))
    print(results)


asyncio.run(main())
