import asyncio


class Slot:
    """Limits calls and records them -- but keeps the name on self (a bug)."""

    def __init__(self, limit):
        self._sem = asyncio.Semaphore(limit)
        self.active = 0
        self.peak = 0
        self.log = []

    def __call__(self, name):
        self._name = name
        return self

    async def __aenter__(self):
        await self._sem.acquire()
        self.active += 1
        self.peak = max(self.peak, self.active)
        self.log.append(f"+{self._name}")
        return self.active

    async def __aexit__(self, exc_type, exc, tb):
        self.active -= 1
        self._sem.release()
        self.log.append(f"-{self._name}:{exc_type.__name__ if exc_type else 'ok'}")
        return exc_type is ZeroDivisionError


async def tool(name, delay):
    await asyncio.sleep(delay)
    if name == "divide":
        return 1 / 0
    return name.title()


async def call(slot, name, delay, timeout):
    try:
        async with slot(name) as active:
            print(f"{name} entered with {active} active")
            return await asyncio.wait_for(tool(name, delay), timeout)
        print(f"{name}: error suppressed by Slot")
        return "suppressed"
    except asyncio.TimeoutError:
        return "timeout"


async def main():
    slot = Slot(2)
    plan = [("search", 0.1), ("divide", 0.05), ("llm", 0.9), ("news", 0.2), ("maps", 0.1)]
    results = await asyncio.gather(*(call(slot, n, d, 0.4) for n, d in plan))
    print(results)
    print(slot.log)
    print("peak", slot.peak, "timeouts", results.count("timeout"))


asyncio.run(main())
