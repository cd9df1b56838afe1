import asyncio
import functools

attempts = {}


def retry(times, delay):
    def decorate(fn):
        @functools.wraps(fn)
        async def wrapper(name, *args):
            for attempt in range(1, times + 1):
                attempts[name] = attempt
                try:
                    return await fn(name, *args)
                except ConnectionError as error:
                    print(f"{name}: attempt {attempt} failed ({error})")
                    if attempt == times:
                        raise
                    await asyncio.sleep(delay * 2 ** (attempt - 1))
        return wrapper
    return decorate


@retry(times=3, delay=0.05)
async def call_tool(name, work):
    await asyncio.sleep(0.01)
    if attempts[name] < work:
        raise ConnectionError("busy")
    return f"{name}:ok"


async def guarded_call(semaphore, name, work, timeout):
    async with semaphore:
        try:
            return await asyncio.wait_for(call_tool(name, work), timeout)
        except asyncio.TimeoutError:
            return f"{name}:timeout"
        except ConnectionError:
            return f"{name}:error"


async def main():
    semaphore = asyncio.Semaphore(2)
    results = await asyncio.gather(*(guarded_call(semaphore, n, w, 0.15) for n, w in [("a", 1), ("b", 2), ("c", 3), ("d", 5)]))
    print(results, attempts)


asyncio.run(main())
