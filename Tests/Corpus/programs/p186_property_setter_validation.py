import asyncio


class Settings:
    def __init__(self):
        self._timeout = 0.5

    @property
    def timeout(self):
        return self._timeout

    @timeout.setter
    def timeout(self, value):
        if value <= 0:
            raise ValueError("timeout must be positive")
        self._timeout = value


async def guarded(semaphore, name, delay, settings):
    async with semaphore:
        try:
            await asyncio.wait_for(asyncio.sleep(delay), settings.timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    settings = Settings()
    settings.timeout = 0.15
    try:
        settings.timeout = 0
    except ValueError as e:
        print("rejected:", e)
    semaphore = asyncio.Semaphore(3)
    results = await asyncio.gather(*(guarded(semaphore, n, d, settings) for n, d in [("a", 0.1), ("b", 0.2), ("c", 0.15)]))
    print(results)


asyncio.run(main())
