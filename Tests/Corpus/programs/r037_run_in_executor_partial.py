import asyncio
import functools
import time


def fetch(name, seconds, *, retries=0, fail=False):
    for attempt in range(retries + 1):
        time.sleep(seconds)
        if not fail:
            return f"{name} after {attempt + 1} attempt(s)"
    raise IOError(f"{name} unreachable")


async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.BoundedSemaphore(3)

    async def run(name, seconds, timeout, **options):
        async with sem:
            future = loop.run_in_executor(None, functools.partial(fetch, name, seconds, **options))
            try:
                return await asyncio.wait_for(future, timeout)
            except asyncio.TimeoutError:
                return f"{name}: timeout"
            except OSError as exc:
                return f"{name}: {type(exc).__name__} {exc}"

    results = await asyncio.gather(
        run("a", 0.1, 0.5),
        run("b", 0.2, 0.5, retries=2, fail=True),
        run("c", 0.3, 0.5, retries=1, fail=True),
        run("d", 0.7, 0.5),
        run("e", 0.05, 0.5, retries=3),
    )
    for line in results:
        print(line)
    print(f"{loop.time():.3f}", sem._value if hasattr(sem, "_value") else "?")
    try:
        sem.release()
    except ValueError as exc:
        print("ValueError:", exc)


asyncio.run(main())
print(f"process end {time.monotonic():.3f}")
