import asyncio


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout=timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05), ("embed", 0.12)]
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in tools))
    line = " | ".join(results)
    print(line)
    print(line.upper().count("TIMEOUT"), line.find("rerank"), line.replace(":ok", "").split(" | "))
    for r in results:
        name, _, status = r.partition(":")
        print(name.title().ljust(12, "."), status.center(9, "*"), name.startswith(("s", "e")), status.zfill(9))
    print("-" * 20, repr("  pad  ".strip()), "a,b,,c".split(","), "x".join("123"))


asyncio.run(main())
