"""A helper that awaits coroutine functions and calls plain ones, handed asyncio's own."""
import asyncio


async def call(fn, *args):
    # A learner's dispatcher: await what is async, call the rest.
    if asyncio.iscoroutinefunction(fn):
        return await fn(*args)
    return fn(*args)


async def main():
    sem = asyncio.Semaphore(1)
    queue = asyncio.Queue()
    event = asyncio.Event()
    lock = asyncio.Lock()
    checks = {
        "sleep": asyncio.sleep, "wait_for": asyncio.wait_for, "wait": asyncio.wait, "to_thread": asyncio.to_thread,
        "gather": asyncio.gather, "shield": asyncio.shield, "create_task": asyncio.create_task,
        "as_completed": asyncio.as_completed, "Semaphore.acquire": sem.acquire, "Semaphore.release": sem.release,
        "Semaphore.locked": sem.locked, "Queue.get": queue.get, "Queue.put": queue.put,
        "Queue.get_nowait": queue.get_nowait, "Queue.join": queue.join, "Event.wait": event.wait, "Event.set": event.set,
        "Lock.acquire": lock.acquire, "Lock.release": lock.release,
    }
    for name, fn in checks.items():
        print(f"{name:18} {asyncio.iscoroutinefunction(fn)}")
    print(await call(asyncio.sleep, 0.1, "slept"))
    print(await call(sem.locked))
    await call(queue.put, "item")
    print(await call(queue.get_nowait))


asyncio.run(main())
