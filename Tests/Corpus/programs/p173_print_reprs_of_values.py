import asyncio


async def guarded_call(semaphore, name, delay, timeout):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout=timeout)
            return (name, True, delay)
        except asyncio.TimeoutError:
            return (name, False, None)


async def main():
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded_call(semaphore, n, d, 0.15) for n, d in [("search", 0.1), ("db", 0.2), ("it's", 0.05)]))
    print(results)
    print(dict((n, ok) for n, ok, _ in results))
    print({n for n, ok, _ in results if ok} == {"search", "it's"})
    print([1.0, 0.1 * 3, 1e-7, 1e16, 123456789.0, 2.5e-5, float("inf"), -0.0, 3 / 7])
    print(("single",), (), [], {}, set(), frozenset(), b"bytes", None, ..., 10 ** 20)


asyncio.run(main())
