import asyncio


class Call:
    __slots__ = ("name", "delay", "_status", "history")

    def __init__(self, name, delay):
        self.name = name
        self.delay = delay
        self._status = "new"
        self.history = []

    @property
    def status(self):
        return self._status

    @status.setter
    def status(self, value):
        if value not in {"new", "running", "ok", "timeout"}:
            raise ValueError(f"bad status {value!r}")
        self.history.append((self._status, value))
        self._status = value

    def __repr__(self):
        return f"<Call {self.name} {self.status}>"


async def run(sem, call):
    async with sem:
        call.status = "running"
        try:
            await asyncio.wait_for(asyncio.sleep(call.delay), 0.2)
            call.status = "ok"
        except asyncio.TimeoutError:
            call.status = "timeout"
    return call


async def main():
    sem = asyncio.Semaphore(2)
    calls = [Call("one", 0.1), Call("two", 0.25), Call("three", 0.15)]
    done = await asyncio.gather(*(run(sem, c) for c in calls))
    print(done)
    print(done[1].history)
    try:
        done[0].status = "exploded"
    except ValueError as exc:
        print(exc)
    try:
        done[0].extra = 1
    except AttributeError as exc:
        print("AttributeError:", exc)
    print("timeouts:", [c.status for c in done].count("timeout"))


asyncio.run(main())
