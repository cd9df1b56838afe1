import asyncio


class Bounded:
    def __init__(self, low, high):
        self.low, self.high = low, high

    def __set_name__(self, owner, name):
        self.public = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)

    def __set__(self, obj, value):
        if not (self.low <= value <= self.high):
            raise ValueError(f"{type(obj).__name__}.{self.public} must be in [{self.low}, {self.high}], got {value}")
        setattr(obj, self.private, value)


class CallSpec:
    timeout = Bounded(0.01, 5)
    limit = Bounded(1, 10)

    def __init__(self, timeout, limit):
        self.timeout = timeout
        self.limit = limit

    def __repr__(self):
        return f"CallSpec(timeout={self.timeout}, limit={self.limit})"


async def run_batch(spec, delays):
    sem = asyncio.Semaphore(spec.limit)

    async def one(i, d):
        async with sem:
            try:
                await asyncio.wait_for(asyncio.sleep(d), spec.timeout)
                return i
            except asyncio.TimeoutError:
                return -i

    return await asyncio.gather(*(one(i, d) for i, d in enumerate(delays, 1)))


async def main():
    specs = []
    for timeout, limit in [(0.3, 2), (0, 2), (0.2, 11), (1, 1)]:
        try:
            specs.append(CallSpec(timeout, limit))
        except ValueError as exc:
            print("invalid:", exc)
    print(specs, type(CallSpec.timeout).__name__, CallSpec.limit.private, sorted(vars(specs[0])))
    for spec in specs:
        print(spec, await run_batch(spec, [0.1, 0.4, 0.2, 0.5]), asyncio.get_running_loop().time())


asyncio.run(main())
