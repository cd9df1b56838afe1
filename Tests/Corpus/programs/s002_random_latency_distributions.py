# Simulated tool latencies drawn from the normal, log-normal and exponential distributions, seeded.
import asyncio
import random
import sys

random.seed(2024)
LIMIT = asyncio.Semaphore(3)


async def call(name, latency):
    async with LIMIT:
        try:
            await asyncio.wait_for(asyncio.sleep(latency), timeout=0.5)
            return f"{name}:ok({latency:.3f})"
        except asyncio.TimeoutError:
            return f"{name}:timeout"


async def main():
    latencies = {}
    for i in range(4):
        latencies[f"norm{i}"] = max(0.01, random.normalvariate(0.3, 0.15))
        latencies[f"gauss{i}"] = abs(random.gauss(0.25, 0.2))
        latencies[f"logn{i}"] = random.lognormvariate(-1.5, 0.6)
        latencies[f"expo{i}"] = random.expovariate(4)
    results = await asyncio.gather(*(call(n, t) for n, t in latencies.items()))
    for r in results:
        print(r)
    rng = random.Random(7)
    print([round(rng.gauss(10, 2), 6) for _ in range(5)])
    rng.seed(7)
    print(round(rng.gauss(10, 2), 6), "after reseeding, the pair starts again")
    print(repr(random.gauss(1, 0)), repr(random.normalvariate(2, 0)))
    if sys.version_info >= (3, 11):
        print(f"{random.gauss():.12f} {random.normalvariate():.12f}")
    else:
        try:
            random.gauss()
        except TypeError as e:
            print("3.10:", e)
    if sys.version_info >= (3, 12):
        print(f"{random.expovariate():.12f}")
    else:
        try:
            random.expovariate()
        except TypeError as e:
            print(sys.version_info[:2], e)
    try:
        random.expovariate(0)
    except ZeroDivisionError as e:
        print("lambd=0:", e)


asyncio.run(main())
