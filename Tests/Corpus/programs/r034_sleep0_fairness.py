import asyncio

order = []


async def chatty(name, steps):
    for i in range(steps):
        order.append(f"{name}{i}")
        await asyncio.sleep(0)
    return name


async def greedy(name, steps):
    for i in range(steps):
        order.append(f"{name}{i}")
    await asyncio.sleep(0)
    return name


async def guarded(sem, coro_fn, name, steps):
    async with sem:
        return await asyncio.wait_for(coro_fn(name, steps), 1)


async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(
        guarded(sem, chatty, "a", 3),
        guarded(sem, greedy, "B", 3),
        guarded(sem, chatty, "c", 2),
        guarded(sem, chatty, "d", 1),
    )
    print(results)
    print(" ".join(order))
    order.clear()
    tasks = [asyncio.create_task(chatty(n, 2)) for n in "xyz"]
    order.append("main")
    await asyncio.sleep(0)
    order.append("main2")
    await asyncio.gather(*tasks)
    print(" ".join(order), asyncio.get_running_loop().time())


asyncio.run(main())
