import asyncio
import time


def in_thread(seconds):
    time.sleep(seconds)
    return "thread"


async def blocker(seconds):
    time.sleep(seconds)
    return "blocker"


async def sleeper(seconds):
    await asyncio.sleep(seconds)
    return "sleeper"


async def main():
    t0 = time.monotonic()
    out = await asyncio.gather(asyncio.to_thread(in_thread, 0.3), blocker(0.2), sleeper(0.1))
    print(out, f"{time.monotonic() - t0:.2f}")


asyncio.run(main())
