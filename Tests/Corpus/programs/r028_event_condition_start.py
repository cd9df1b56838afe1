import asyncio


class Board:
    def __init__(self, limit):
        self.cond = asyncio.Condition()
        self.limit = limit
        self.running = 0
        self.finished = []

    async def enter(self, name):
        async with self.cond:
            await self.cond.wait_for(lambda: self.running < self.limit)
            self.running += 1
            print(f"  {name} starts ({self.running} running)")

    async def leave(self, name, status):
        async with self.cond:
            self.running -= 1
            self.finished.append(f"{name}:{status}")
            self.cond.notify(1)


async def worker(start, board, name, delay, timeout):
    await start.wait()
    await board.enter(name)
    try:
        await asyncio.wait_for(asyncio.sleep(delay), timeout)
        status = "ok"
    except asyncio.TimeoutError:
        status = "timeout"
    await board.leave(name, status)
    return status


async def main():
    start = asyncio.Event()
    board = Board(limit=2)
    plan = [("a", 0.2), ("b", 0.1), ("c", 0.5), ("d", 0.1), ("e", 0.3)]
    tasks = [asyncio.create_task(worker(start, board, n, d, 0.35)) for n, d in plan]
    await asyncio.sleep(0.1)
    print("nobody started yet:", board.running, start.is_set())
    start.set()
    results = await asyncio.gather(*tasks)
    print(results)
    print(board.finished)
    print("timeouts", results.count("timeout"), "end", round(asyncio.get_running_loop().time(), 3))
    async with board.cond:
        board.cond.notify_all()
    start.clear()
    print(start.is_set(), board.cond.locked())


asyncio.run(main())
