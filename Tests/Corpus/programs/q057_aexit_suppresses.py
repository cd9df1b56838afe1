import asyncio


class Guard:
    def __init__(self, sem, name, stats):
        self.sem, self.name, self.stats = sem, name, stats

    async def __aenter__(self):
        await self.sem.acquire()
        self.stats["entered"] += 1
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.sem.release()
        if exc_type is None:
            return False
        if issubclass(exc_type, asyncio.TimeoutError):
            self.stats["timeouts"] += 1
            print(f"{self.name}: swallowed {exc_type.__name__}")
            return True
        self.stats["errors"] += 1
        print(f"{self.name}: letting {exc_type.__name__} through")
        return False


async def call(name, d):
    await asyncio.sleep(d)
    if d == 0:
        raise LookupError(name)
    return name


async def guarded(sem, name, d, stats):
    result = f"{name}:timeout"
    try:
        async with Guard(sem, name, stats):
            result = await asyncio.wait_for(call(name, d), 0.2)
    except LookupError as e:
        result = f"{name}:error({e})"
    return result


async def main():
    stats = {"entered": 0, "timeouts": 0, "errors": 0}
    sem = asyncio.Semaphore(2)
    res = await asyncio.gather(*(guarded(sem, n, d, stats) for n, d in [("a", 0.1), ("b", 0.3), ("c", 0), ("d", 0.25)]))
    print(res)
    print(stats)


asyncio.run(main())
