# A worker thread polls a flag the loop sets while it sleeps: CPython interleaves them, lesson runs the worker whole.
import asyncio
import time

stop = False

def sdk():
    steps = 0
    while not stop and steps < 10:
        time.sleep(0.1)
        steps += 1
    return steps

async def stopper():
    global stop
    await asyncio.sleep(0.35)
    stop = True

async def main():
    steps, _ = await asyncio.gather(asyncio.to_thread(sdk), stopper())
    print("thread ran", steps, "steps")

asyncio.run(main())
