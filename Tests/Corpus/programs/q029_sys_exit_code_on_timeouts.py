import asyncio
import sys


async def call(name, d):
    await asyncio.sleep(d)
    return name


async def guarded(sem, name, d, timeout):
    async with sem:
        try:
            await asyncio.wait_for(call(name, d), timeout)
            return True
        except asyncio.TimeoutError:
            print(f"WARN {name} timed out after {timeout}s", file=sys.stderr)
            return False


async def main() -> int:
    sem = asyncio.Semaphore(3)
    plan = {"alpha": 0.1, "beta": 0.6, "gamma": 0.2, "delta": 0.9, "eps": 0.0}
    oks = await asyncio.gather(*(guarded(sem, n, d, 0.5) for n, d in plan.items()))
    failed = [n for n, ok in zip(plan, oks) if not ok]
    print(f"{len(oks) - len(failed)}/{len(oks)} ok; failed: {', '.join(failed)}")
    return len(failed)


if __name__ == "__main__":
    code = asyncio.run(main())
    sys.exit(10 + code if code else 0)
