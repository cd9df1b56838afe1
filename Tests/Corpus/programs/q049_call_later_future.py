import asyncio


def fake_tool(loop, name, delay):
    fut = loop.create_future()

    def finish():
        if not fut.done():
            fut.set_result(f"{name} result @ {loop.time():.2f}")

    loop.call_later(delay, finish)
    return fut


async def guarded(sem, name, delay):
    loop = asyncio.get_running_loop()
    async with sem:
        try:
            return await asyncio.wait_for(fake_tool(loop, name, delay), timeout=0.2)
        except asyncio.TimeoutError:
            return f"{name} timeout @ {loop.time():.2f}"


async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(2)
    res = await asyncio.gather(*(guarded(sem, n, d) for n, d in [("k1", 0.1), ("k2", 0.3), ("k3", 0.15), ("k4", 0.05)]))
    print("\n".join(res))
    h = loop.call_later(1.0, print, "never")
    h.cancel()
    print("cancelled handle:", h.cancelled())
    loop.call_soon(print, "soon A")
    loop.call_soon(print, "soon B")
    await asyncio.sleep(0)
    print("timeouts:", sum("timeout" in r for r in res))


asyncio.run(main())
