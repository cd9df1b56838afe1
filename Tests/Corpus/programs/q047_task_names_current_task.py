import asyncio


async def call(d):
    await asyncio.sleep(d)
    return asyncio.current_task().get_name()


async def guarded(sem, d):
    me = asyncio.current_task()
    async with sem:
        try:
            inner = await asyncio.wait_for(call(d), 0.25)
            return f"{me.get_name()} ok (inner={inner == me.get_name()})"
        except asyncio.TimeoutError:
            return f"{me.get_name()} timeout"


async def main():
    sem = asyncio.Semaphore(2)
    tasks = []
    for i, d in enumerate([0.1, 0.3, 0.2, 0.05]):
        t = asyncio.create_task(guarded(sem, d), name=f"tool-{i}")
        tasks.append(t)
    print("tasks alive:", len(asyncio.all_tasks()))
    tasks[3].set_name("renamed")
    results = await asyncio.gather(*tasks)
    for r in results:
        print(r)
    print("tasks alive after:", len(asyncio.all_tasks()), asyncio.current_task().get_name() != "")
    print("done flags:", [t.done() for t in tasks])


asyncio.run(main())
