import asyncio

saved = []


async def save(name, delay):
    try:
        await asyncio.sleep(delay)
        saved.append(name)
        return f"saved {name}"
    except asyncio.CancelledError:
        print(f"save {name} was cancelled")
        raise


async def call(sem, name, delay, timeout):
    async with sem:
        inner = asyncio.ensure_future(save(name, delay))
        try:
            return await asyncio.wait_for(asyncio.shield(inner), timeout), inner
        except asyncio.TimeoutError:
            print(f"{name}: gave up waiting at {asyncio.get_running_loop().time():.2f}, still running: {not inner.done()}")
            return "timeout", inner


async def main():
    sem = asyncio.Semaphore(2)
    plan = [("a", 0.1), ("b", 0.6), ("c", 0.2), ("d", 0.45)]
    pairs = await asyncio.gather(*(call(sem, n, d, 0.3) for n, d in plan))
    print([r for r, _ in pairs])
    print("saved so far:", saved)
    pending = [t for _, t in pairs if not t.done()]
    print("pending:", len(pending))
    late = await asyncio.gather(*pending)
    print("late:", late, "saved:", saved)
    victim = asyncio.ensure_future(save("e", 1.0))
    shielded = asyncio.shield(victim)
    await asyncio.sleep(0.1)
    shielded.cancel()
    await asyncio.sleep(0)
    print("outer cancelled:", shielded.cancelled(), "inner cancelled:", victim.cancelled())
    victim.cancel()
    try:
        await victim
    except asyncio.CancelledError:
        print("inner now cancelled:", victim.cancelled())
    print("end", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
