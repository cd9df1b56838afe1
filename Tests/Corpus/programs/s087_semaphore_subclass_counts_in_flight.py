import asyncio


class CountingSemaphore(asyncio.Semaphore):
    def __init__(self, value, label):
        super().__init__(value)
        self.label = label
        self.in_flight = 0
        self.peak = 0

    async def acquire(self):
        await super().acquire()
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        print(f"{self.label}: acquired, in flight {self.in_flight}, value {self._value}")
        return True

    def release(self):
        self.in_flight -= 1
        super().release()
        print(f"{self.label}: released, value {self._value}")


class Quiet(asyncio.BoundedSemaphore):
    pass


async def tool(name, delay):
    await asyncio.sleep(delay)
    return f"{name}:ok"


async def guarded(sem, name, delay):
    async with sem:
        try:
            return await asyncio.wait_for(tool(name, delay), 0.15)
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    sem = CountingSemaphore(2, "tools")
    print(isinstance(sem, asyncio.Semaphore), type(sem).__name__, sem.locked())
    calls = [("a", 0.1), ("b", 0.2), ("c", 0.05), ("d", 0.3)]
    results = await asyncio.gather(*(guarded(sem, n, d) for n, d in calls))
    print(results, "peak", sem.peak)
    q = Quiet(1)
    async with q:
        print("inside", q.locked())
    try:
        q.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        CountingSemaphore(-1, "bad")
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
