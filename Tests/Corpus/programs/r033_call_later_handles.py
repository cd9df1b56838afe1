import asyncio


def tick(label, log, loop):
    log.append(f"{loop.time():.2f} {label}")


async def tool(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    loop = asyncio.get_running_loop()
    log = []
    handles = [loop.call_later(d, tick, f"reminder {d}", log, loop) for d in (0.25, 0.1, 0.5, 0.1)]
    at = loop.call_at(loop.time() + 0.3, tick, "call_at 0.3", log, loop)
    soon = loop.call_soon(tick, "soon", log, loop)
    handles[2].cancel()
    print(handles[2].cancelled(), at.cancelled(), round(at.when(), 3), type(soon).__name__)
    sem = asyncio.Semaphore(2)

    async def guarded(name, delay):
        async with sem:
            try:
                result = await asyncio.wait_for(tool(name, delay), 0.2)
            except asyncio.TimeoutError:
                result = "timeout"
            loop.call_soon(tick, f"finished {name}", log, loop)
            return result

    results = await asyncio.gather(*(guarded(n, d) for n, d in [("x", 0.15), ("y", 0.3), ("z", 0.05)]))
    fut = loop.create_future()
    loop.call_later(0.2, fut.set_result, "future filled")
    print(await fut, results)
    loop.call_later(0.1, tick, "never, the loop closes first", log, loop)
    print("\n".join(log))


asyncio.run(main())
