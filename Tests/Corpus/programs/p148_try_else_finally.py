import asyncio

log = []


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            result = await asyncio.wait_for(call_tool(name, delay), timeout=timeout)
        except asyncio.TimeoutError:
            result = f"{name}:timeout"
        else:
            log.append(f"success {name}")
        finally:
            log.append(f"released {name}")
        return result


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in [("a", 0.1), ("b", 0.2), ("c", 0.05)]))
    print(results)
    print("\n".join(log))


asyncio.run(main())
