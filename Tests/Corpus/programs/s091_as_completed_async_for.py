import asyncio


async def tool(name, delay):
    await asyncio.sleep(delay)
    if name == "broken":
        raise RuntimeError("tool failed")
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(tool(n, d), name=n) for n, d in [("slow", 0.3), ("fast", 0.1), ("broken", 0.2)]]
    try:
        async for finished in asyncio.as_completed(tasks):
            print(f"{loop.time():.2f}", finished is tasks[1] or finished is tasks[0] or finished is tasks[2], finished.get_name())
            if finished.exception():
                print("failed:", finished.exception())
            else:
                print("result:", finished.result())
    except TypeError as e:
        print("TypeError:", e)
        for next_done in asyncio.as_completed(tasks):
            try:
                print("sync:", await next_done)
            except RuntimeError as e:
                print("sync failed:", e)


asyncio.run(main())
