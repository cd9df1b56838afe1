import asyncio


class Tracker:
    def __init__(self):
        self.current = 0
        self.peak = 0
        self.timeline = []

    def enter(self, name):
        self.current += 1
        self.peak = max(self.peak, self.current)
        self.timeline.append(f"+{name}")

    def leave(self, name):
        self.current -= 1
        self.timeline.append(f"-{name}")


async def guarded_call(tracker, semaphore, name, delay, timeout):
    async with semaphore:
        tracker.enter(name)
        try:
            await asyncio.wait_for(asyncio.sleep(delay), timeout)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"
        finally:
            tracker.leave(name)


async def main():
    tracker = Tracker()
    semaphore = asyncio.Semaphore(3)
    tools = [("search", 0.1), ("database", 0.2), ("slow_tool", 1.0), ("rerank", 0.05),
             ("embed", 0.12), ("upload", 0.4), ("weather", 0.08), ("model_api", 0.3)]
    results = await asyncio.gather(*(guarded_call(tracker, semaphore, n, d, 0.15) for n, d in tools))
    print(results)
    print("peak:", tracker.peak)
    print(" ".join(tracker.timeline))


asyncio.run(main())
