"""One module-level semaphore across several asyncio.run calls: it keeps its permits, and once a task of one loop waited on it, waiting on it in another loop is a RuntimeError."""
import asyncio

sem = asyncio.Semaphore(2)
bounded = asyncio.BoundedSemaphore(1)


async def call(name, delay):
    async with sem:
        await asyncio.sleep(delay)
        return name


async def burst(n, delay):
    results = await asyncio.gather(*(call(f"c{i}", delay) for i in range(n)), return_exceptions=True)
    return [r if isinstance(r, str) else type(r).__name__ for r in results]


async def light():
    async with bounded:
        await asyncio.sleep(0.1)
    return "light ok"


print(asyncio.run(burst(2, 0.1)))
print(asyncio.run(burst(2, 0.1)), sem.locked())
print(asyncio.run(burst(3, 0.1)))
print(asyncio.run(burst(3, 0.1)))
print(asyncio.run(light()), asyncio.run(light()))
try:
    asyncio.run(call("late", 0.0))
    print("late ran")
except RuntimeError as error:
    print("RuntimeError", "bound to a different event loop" in str(error))
