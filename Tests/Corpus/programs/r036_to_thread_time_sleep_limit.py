import asyncio
import threading
import time


def blocking_sdk(name, seconds):
    time.sleep(seconds)
    return f"{name} via {threading.current_thread().name.split('_')[0]}"


async def guarded(sem, name, seconds, timeout):
    async with sem:
        try:
            return await asyncio.wait_for(asyncio.to_thread(blocking_sdk, name, seconds), timeout)
        except asyncio.TimeoutError:
            return f"{name}: timeout"


async def heartbeat(stop):
    beats = 0
    while not stop.is_set():
        await asyncio.sleep(0.1)
        beats += 1
    return beats


async def main():
    stop = asyncio.Event()
    hb = asyncio.create_task(heartbeat(stop))
    sem = asyncio.Semaphore(2)
    plan = [("ocr", 0.2), ("pdf", 0.5), ("zip", 0.1), ("tts", 0.35)]
    t0 = time.perf_counter()
    results = await asyncio.gather(*(guarded(sem, n, s, 0.3) for n, s in plan))
    stop.set()
    print(results)
    print("beats", await hb, "elapsed", round(time.perf_counter() - t0, 3))
    print("main thread:", threading.current_thread().name, threading.current_thread() is threading.main_thread())


asyncio.run(main())
print("after run:", round(time.perf_counter(), 3))
