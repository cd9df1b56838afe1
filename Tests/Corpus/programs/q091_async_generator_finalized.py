import asyncio


async def stream(lock):
    async with lock:
        try:
            yield 1
            yield 2
        finally:
            print("stream closed")


async def main():
    lock = asyncio.Lock()
    async for item in stream(lock):
        print("got", item)
        break
    print("after break, locked:", lock.locked())
    async with lock:
        print("lock taken again")


asyncio.run(main())
