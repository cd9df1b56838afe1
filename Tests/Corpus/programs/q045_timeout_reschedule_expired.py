import asyncio


async def call(name, d):
    await asyncio.sleep(d)
    return name


async def guarded(sem, name, d, budget):
    async with sem:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(budget) as cm:
                if name.startswith("vip"):
                    cm.reschedule(loop.time() + budget * 3)
                return await call(name, d)
        except TimeoutError:
            return f"{name}:timeout(expired={cm.expired()})"
        finally:
            print(f"{name}: when={cm.when() is not None}, t={loop.time():.2f}")


async def main():
    sem = asyncio.Semaphore(2)
    res = await asyncio.gather(guarded(sem, "vip1", 0.5, 0.2), guarded(sem, "std1", 0.5, 0.2),
                               guarded(sem, "std2", 0.1, 0.2), guarded(sem, "vip2", 0.1, 0.2))
    print(res)
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.01)
    print("none timeout:", cm.when(), cm.expired())


asyncio.run(main())
