import asyncio
import functools

tally = {"ok": 0, "timeout": 0, "error": 0}
events = []


def record(kind, task):
    if task.cancelled():
        events.append(f"{kind}:{task.get_name()}:cancelled")
        return
    exc = task.exception()
    if exc is not None:
        tally["error"] += 1
        events.append(f"{kind}:{task.get_name()}:{type(exc).__name__}")
    else:
        tally[task.result()] += 1
        events.append(f"{kind}:{task.get_name()}:{task.result()}")


def noisy(task):
    events.append("noisy should have been removed")


async def guarded(sem, delay, timeout):
    async with sem:
        if delay < 0:
            raise ValueError("negative")
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return "ok"
        except asyncio.TimeoutError:
            return "timeout"


async def main():
    sem = asyncio.Semaphore(2)
    tasks = []
    for i, delay in enumerate([0.2, 0.05, -1, 0.4, 0.1]):
        task = asyncio.create_task(guarded(sem, delay, 0.3), name=f"job{i}")
        task.add_done_callback(functools.partial(record, "cb"))
        task.add_done_callback(noisy)
        tasks.append(task)
    removed = [t.remove_done_callback(noisy) for t in tasks]
    print("removed", removed)
    done, pending = await asyncio.wait(tasks, timeout=0.25)
    print(len(done), len(pending), sorted(t.get_name() for t in pending))
    await asyncio.wait(pending)
    late = asyncio.create_task(asyncio.sleep(0.1), name="late")
    late.add_done_callback(lambda t: events.append("lambda saw late"))
    await late
    tasks[0].add_done_callback(functools.partial(record, "after"))
    await asyncio.sleep(0)
    print(tally)
    print(*events, sep="\n")


asyncio.run(main())
