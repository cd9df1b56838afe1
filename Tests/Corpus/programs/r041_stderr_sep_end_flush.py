import asyncio
import sys


async def tool(name, delay):
    await asyncio.sleep(delay)
    return delay


async def guarded(sem, name, delay, timeout):
    async with sem:
        print("[start]", name, sep=" ", end=" ", flush=True)
        try:
            value = await asyncio.wait_for(tool(name, delay), timeout)
            print(f"[ok {name}]", end="\n")
            return value
        except asyncio.TimeoutError:
            print("timeout:", name, sep="\t", file=sys.stderr)
            print(f"[timeout {name}]")
            return None


async def main():
    sem = asyncio.Semaphore(2)
    plan = [("a", 0.1), ("b", 0.5), ("c", 0.2), ("d", 0.3)]
    values = await asyncio.gather(*(guarded(sem, n, d, 0.25) for n, d in plan))
    print(*values, sep=" | ", end=" <-\n")
    print("a", "b", sep="")
    print()
    print("no newline", end="")
    print(end="")
    print("", "x", sep="--")
    sys.stdout.write("write returns %d\n" % sys.stdout.write(""))
    print(*[], sep="never")
    print(*"abc", sep=None, end=None)
    sys.stderr.write(f"summary: {values.count(None)} timeout(s)\n")


asyncio.run(main())
