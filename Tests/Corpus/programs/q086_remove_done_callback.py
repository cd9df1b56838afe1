import asyncio


def noisy(task):
    print("should have been removed")


async def main():
    task = asyncio.create_task(asyncio.sleep(0.1))
    task.add_done_callback(noisy)
    print("removed", task.remove_done_callback(noisy))
    await task


asyncio.run(main())
