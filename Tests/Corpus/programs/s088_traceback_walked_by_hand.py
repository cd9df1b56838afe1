import asyncio
import sys
import traceback


async def tool(n, delay):
    await asyncio.sleep(delay)
    return 100 // n


async def guarded(sem, n, delay):
    async with sem:
        return await asyncio.wait_for(tool(n, delay), timeout=0.3)


def walk(tb):
    frames = []
    while tb is not None:
        code = tb.tb_frame.f_code
        frames.append(f"{code.co_name}@{tb.tb_lineno}:{code.co_filename.rsplit('/', 1)[-1]}")
        tb = tb.tb_next
    return " -> ".join(frames)


async def release_twice():
    sem = asyncio.BoundedSemaphore(1)
    await sem.acquire()
    sem.release()
    sem.release()


async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded(sem, n, 0.1) for n in (5, 0, 4)), return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print(type(r).__name__, walk(r.__traceback__))
        else:
            print("ok", r)
    try:
        await release_twice()
    except ValueError:
        etype, value, tb = sys.exc_info()
        print(etype.__name__, value, tb.tb_lineno, tb.tb_next.tb_lineno)
        print(walk(tb))
        traceback.print_exc(file=sys.stdout)


asyncio.run(main())
