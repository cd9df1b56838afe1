import asyncio


async def call_tool(name, delay, **options):
    await asyncio.sleep(delay)
    extra = ",".join(f"{k}={v}" for k, v in sorted(options.items()))
    return f"{name}:ok" + (f"[{extra}]" if extra else "")


async def guarded_call(semaphore, timeout, *args, **kwargs):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(*args, **kwargs), timeout=timeout)
        except asyncio.TimeoutError:
            return f"{args[0]}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(
        guarded_call(semaphore, 0.15, "search", 0.1, top_k=5),
        guarded_call(semaphore, 0.15, "database", 0.2),
        guarded_call(semaphore, 0.15, "rerank", 0.05, model="small", top_k=3),
        guarded_call(semaphore, 0.15, "embed", delay=0.12, dims=768),
    )
    print(results)


asyncio.run(main())
