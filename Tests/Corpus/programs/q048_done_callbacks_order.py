import asyncio

events = []


def on_done(task):
    if task.cancelled():
        events.append(f"{task.get_name()}=cancelled")
    else:
        events.append(f"{task.get_name()}={task.result()}")


async def call(d):
    await asyncio.sleep(d)
    return "ok"


async def guarded(sem, d):
    async with sem:
        try:
            return await asyncio.wait_for(call(d), 0.2)
        except asyncio.TimeoutError:
            return "timeout"


async def main():
    sem = asyncio.Semaphore(2)
    tasks = []
    for i, d in enumerate([0.15, 0.25, 0.05, 0.2, 0.1]):
        t = asyncio.create_task(guarded(sem, d), name=f"T{i}")
        t.add_done_callback(on_done)
        tasks.append(t)
    extra = asyncio.create_task(asyncio.sleep(5), name="sleeper")
    extra.add_done_callback(on_done)
    results = await asyncio.gather(*tasks)
    extra.cancel()
    await asyncio.sleep(0)
    print(results)
    print(events)
    print("timeouts:", results.count("timeout"), "cancelled:", extra.cancelled())


asyncio.run(main())
