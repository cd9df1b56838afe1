import asyncio
import sys
import traceback
import warnings


async def call(name, d):
    await asyncio.sleep(d)
    if name == "bad":
        raise ZeroDivisionError("division by zero in tool")
    return name


async def guarded(sem, name, d):
    async with sem:
        try:
            return await asyncio.wait_for(call(name, d), 0.3)
        except asyncio.TimeoutError:
            warnings.warn(f"{name} timed out", RuntimeWarning)
            return "timeout"


async def main():
    sem = asyncio.Semaphore(2)
    tasks = {n: asyncio.create_task(guarded(sem, n, d)) for n, d in [("ok1", 0.1), ("slow", 0.5), ("bad", 0.2), ("ok2", 0.05)]}
    done, pending = await asyncio.wait(tasks.values(), timeout=0.6)
    print(f"done={len(done)} pending={len(pending)}")
    for name, task in tasks.items():
        try:
            print(name, "->", task.result())
        except ZeroDivisionError:
            print(name, "-> error (see stderr)")
            traceback.print_exc(limit=0)
    print("exit code will be", len(pending) + 3, file=sys.stderr)
    sys.exit(len(pending) + 3)


asyncio.run(main())
