import asyncio
import random

rng = random.Random(2024)
TOOLS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]


async def call(name, delay):
    await asyncio.sleep(delay)
    if rng.random() < 0.2:
        raise OSError(f"{name}: flaky")
    return rng.randint(1, 100)


async def guarded(sem, name, delay):
    async with sem:
        try:
            return name, await asyncio.wait_for(call(name, delay), timeout=0.3)
        except asyncio.TimeoutError:
            return name, "timeout"
        except OSError as e:
            return name, f"error: {e}"


async def main():
    chosen = rng.sample(TOOLS, 5)
    delays = [round(rng.triangular(0.05, 0.5, 0.2), 3) for _ in chosen]
    print(chosen)
    print(delays)
    sem = asyncio.Semaphore(2)
    res = await asyncio.gather(*(guarded(sem, n, d) for n, d in zip(chosen, delays)))
    for name, v in res:
        print(f"  {name:<8} {v}")
    print("timeouts:", sum(v == "timeout" for _, v in res),
          "errors:", sum(isinstance(v, str) and v.startswith("error") for _, v in res))
    print(rng.choice(TOOLS), rng.choices(TOOLS, k=3), round(rng.gauss(0, 1), 6))
    shuffled = TOOLS[:]
    rng.shuffle(shuffled)
    print(shuffled)


asyncio.run(main())
