import asyncio


async def call(name, d):
    await asyncio.sleep(d)
    return name


async def guarded(sem, name, d, log):
    await sem.acquire()
    log.append(f"{name} got slot, locked={sem.locked()}")
    try:
        return await asyncio.wait_for(call(name, d), timeout=0.2)
    except asyncio.TimeoutError:
        return f"{name}!"
    finally:
        sem.release()


async def main():
    sem = asyncio.BoundedSemaphore(2)
    log = []
    res = await asyncio.gather(*(guarded(sem, n, d, log) for n, d in [("p", 0.1), ("q", 0.3), ("r", 0.05), ("s", 0.2)]))
    print(res)
    print("\n".join(log))
    print("locked at end:", sem.locked())
    try:
        sem.release()
    except ValueError as err:
        print("ValueError:", err)
    print("timeouts:", sum(r.endswith("!") for r in res))


asyncio.run(main())
