import asyncio
import sys


async def tool(name, delay):
    await asyncio.sleep(delay)
    return name


async def guarded(sem, name, delay, timeout, budget):
    async with sem:
        try:
            return await asyncio.wait_for(tool(name, delay), timeout)
        except asyncio.TimeoutError:
            budget["timeouts"] += 1
            print(f"{name}: timeout #{budget['timeouts']}", flush=True)
            if budget["timeouts"] >= budget["max"]:
                sys.exit(f"too many timeouts ({budget['timeouts']}), giving up on {name}")
            return None


async def main():
    budget = {"timeouts": 0, "max": 2}
    sem = asyncio.Semaphore(2)
    plan = [("a", 0.1), ("b", 0.6), ("c", 0.2), ("d", 0.9), ("e", 0.1)]
    try:
        results = await asyncio.gather(*(guarded(sem, n, d, 0.4, budget) for n, d in plan))
    finally:
        print("main's finally runs", flush=True)
    print(results)


asyncio.run(main())
print("after run: not reached")
