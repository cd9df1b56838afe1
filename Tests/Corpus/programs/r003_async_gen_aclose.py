import asyncio


async def stream_results(sem, specs, timeout):
    print("stream: start", [name for name, _ in specs])
    try:
        for name, delay in specs:
            async with sem:
                try:
                    await asyncio.wait_for(asyncio.sleep(delay), timeout)
                    yield name, "ok"
                except asyncio.TimeoutError:
                    yield name, "timeout"
    finally:
        print("stream: closed", [name for name, _ in specs])


async def main():
    sem = asyncio.Semaphore(1)
    specs = [("a", 0.1), ("b", 0.5), ("c", 0.2), ("d", 0.05)]
    seen = []
    async for name, status in stream_results(sem, specs, 0.3):
        seen.append(f"{name}:{status}")
        if status == "timeout":
            print("stopping after first timeout")
            break
    print(seen)
    gen = stream_results(sem, specs[2:], 0.3)
    first = await gen.__anext__()
    print("first of second stream:", first)
    await gen.aclose()
    try:
        await gen.__anext__()
    except StopAsyncIteration:
        print("second stream exhausted")
    third = stream_results(sem, [("e", 0.1), ("f", 0.1)], 0.3)
    print(await anext(third))
    print("main done at", asyncio.get_running_loop().time())


asyncio.run(main())
print("after run")
