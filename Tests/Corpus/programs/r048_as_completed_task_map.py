import asyncio


async def tool(name, delay):
    await asyncio.sleep(delay)
    if name == "err":
        raise RuntimeError("tool crashed")
    return f"{name}-result"


async def guarded(sem, name, delay, timeout):
    async with sem:
        return await asyncio.wait_for(tool(name, delay), timeout)


async def main():
    sem = asyncio.Semaphore(3)
    plan = [("alpha", 0.3), ("beta", 0.1), ("err", 0.2), ("gamma", 0.6), ("delta", 0.05)]
    tasks = {asyncio.create_task(guarded(sem, n, d, 0.5), name=n): i for i, (n, d) in enumerate(plan)}
    results = [None] * len(plan)
    arrival = []
    counts = {"ok": 0, "timeout": 0, "error": 0}
    for fut in asyncio.as_completed(list(tasks)):
        try:
            value = await fut
            counts["ok"] += 1
        except asyncio.TimeoutError:
            value = "TIMEOUT"
            counts["timeout"] += 1
        except RuntimeError as exc:
            value = f"ERROR({exc})"
            counts["error"] += 1
        arrival.append(value)
    for task, index in tasks.items():
        exc = task.exception()
        results[index] = task.result() if exc is None else type(exc).__name__
    print("arrival:", arrival)
    print("call order:", results)
    print(counts, f"{asyncio.get_running_loop().time():.2f}s")


asyncio.run(main())
