import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    print(fut)
    fut.set_result([1, 2])
    print(fut)
    other = asyncio.get_running_loop().create_future()
    other.cancel()
    print(other)


asyncio.run(main())
