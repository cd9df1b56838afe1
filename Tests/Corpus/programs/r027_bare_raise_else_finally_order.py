import asyncio
import sys

trace = []


async def tool(name, delay):
    await asyncio.sleep(delay)
    if name == "boom":
        raise ConnectionError("reset by peer")
    return len(name)


async def call(name, delay, timeout):
    trace.append(f"{name}:try")
    try:
        value = await asyncio.wait_for(tool(name, delay), timeout)
    except asyncio.TimeoutError:
        trace.append(f"{name}:except-timeout")
        return -1
    except ConnectionError as exc:
        trace.append(f"{name}:except-conn")
        print(f"logging: {name} failed with {exc!r}", file=sys.stderr)
        raise
    else:
        trace.append(f"{name}:else")
        return value
    finally:
        trace.append(f"{name}:finally")


async def main():
    plan = [("alpha", 0.1), ("boom", 0.2), ("gamma", 0.5), ("delta", 0.0)]
    results = await asyncio.gather(*(call(n, d, 0.3) for n, d in plan), return_exceptions=True)
    print(results)
    for line in trace:
        print(" ", line)
    print("errors:", sum(isinstance(r, Exception) for r in results), "timeouts:", results.count(-1))
    try:
        await call("boom", 0.1, 0.3)
    except ConnectionError as exc:
        print("caught again:", exc, exc.__traceback__ is not None)
    await asyncio.gather(*(call(n, d, 0.3) for n, d in plan))
    print("not reached")


asyncio.run(main())
