import asyncio


async def call_tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def main():
    semaphore = asyncio.BoundedSemaphore(2)

    async def guarded(name, delay):
        await semaphore.acquire()
        try:
            return await asyncio.wait_for(call_tool(name, delay), 0.15)
        except asyncio.TimeoutError:
            return f"{name}:timeout"
        finally:
            semaphore.release()

    print(await asyncio.gather(guarded("a", 0.1), guarded("b", 0.2), guarded("c", 0.05)))
    try:
        semaphore.release()
    except ValueError as error:
        print("ValueError:", error)


asyncio.run(main())
