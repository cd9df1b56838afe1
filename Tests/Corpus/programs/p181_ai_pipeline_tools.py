import asyncio

PIPELINE = {
    "vector_store": 0.09,
    "bm25": 0.04,
    "reranker": 0.16,
    "llm": 0.45,
    "guardrail": 0.02,
    "citation": 0.11,
    "summarizer": 0.15,
    "translator": 0.3,
}


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in PIPELINE.items()))
    print(results)
    timeouts = sum(result.endswith(":timeout") for result in results)
    print("timeouts:", timeouts)


asyncio.run(main())
