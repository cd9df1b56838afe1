import asyncio
import random


class CallError(Exception):
    retryable = False


class Transient(CallError):
    retryable = True


class RateLimited(Transient):
    def __init__(self, wait):
        super().__init__(f"rate limited, wait {wait}")
        self.wait = wait


class Fatal(CallError):
    pass


async def flaky(name, rng):
    await asyncio.sleep(0.05)
    roll = rng.random()
    if roll < 0.3:
        raise RateLimited(round(roll, 2))
    if roll < 0.5:
        raise Transient("connection reset")
    if roll < 0.6:
        raise Fatal("invalid api key")
    await asyncio.sleep(roll / 2)
    return f"{name}:{roll:.2f}"


async def call(sem, name, seed, timeout, max_tries=3):
    rng = random.Random(seed)
    tries = 0
    async with sem:
        while True:
            tries += 1
            try:
                return await asyncio.wait_for(flaky(name, rng), timeout), tries
            except RateLimited as exc:
                print(f"{name}#{tries} {exc}")
                await asyncio.sleep(exc.wait)
            except asyncio.TimeoutError:
                print(f"{name}#{tries} timeout")
            except CallError as exc:
                print(f"{name}#{tries} {type(exc).__name__}: {exc} retryable={exc.retryable}")
                if not exc.retryable:
                    return f"{name}:fatal", tries
            if tries >= max_tries:
                return f"{name}:gave up", tries


async def main():
    sem = asyncio.Semaphore(2)
    out = await asyncio.gather(*(call(sem, f"t{i}", seed, 0.35) for i, seed in enumerate([1, 2, 3, 4, 5, 11])))
    print(out)
    print("issubclass:", issubclass(RateLimited, CallError), RateLimited.__mro__[1:3])
    print("total tries", sum(t for _, t in out), "at", round(asyncio.get_running_loop().time(), 3))


asyncio.run(main())
