import asyncio

cleaned = []


async def tool(name, delay):
    try:
        await asyncio.sleep(delay)
        return f"{name} done"
    except asyncio.CancelledError as exc:
        print(f"{name}: cancelled with args {exc.args}")
        await asyncio.sleep(0.05)
        cleaned.append(name)
        raise
    finally:
        print(f"{name}: finally")


async def main():
    a = asyncio.create_task(tool("a", 0.5), name="tool-a")
    b = asyncio.create_task(tool("b", 0.1), name="tool-b")
    c = asyncio.create_task(tool("c", 0.5), name="tool-c")
    await asyncio.sleep(0.2)
    print("cancel a ->", a.cancel("user pressed stop"))
    print("cancel b ->", b.cancel())
    await asyncio.sleep(0)
    print("a cancelling:", a.cancelled(), a.done())
    try:
        await a
    except asyncio.CancelledError as exc:
        print("awaiting a raised CancelledError", exc.args)
    print(b.result(), a.cancelled())
    try:
        await asyncio.wait_for(c, timeout=0.1)
    except asyncio.TimeoutError:
        print("c timed out; cancelled:", c.cancelled())
    print("cleaned:", cleaned)
    d = asyncio.create_task(tool("d", 1.0))
    await asyncio.sleep(0)
    d.cancel()
    try:
        d.result()
    except asyncio.InvalidStateError as exc:
        print("InvalidStateError:", exc)
    results = await asyncio.gather(d, return_exceptions=True)
    print(results, [type(r).__name__ for r in results])
    print("at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
