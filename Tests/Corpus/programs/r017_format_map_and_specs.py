import asyncio


class Defaulting(dict):
    def __missing__(self, key):
        return f"<{key}?>"


async def call(name, delay, size):
    await asyncio.sleep(delay)
    return size


async def guarded(sem, name, delay, size, timeout):
    async with sem:
        try:
            return name, await asyncio.wait_for(call(name, delay, size), timeout)
        except asyncio.TimeoutError:
            return name, None


async def main():
    sem = asyncio.Semaphore(2)
    plan = [("search", 0.1, 1234567), ("café", 0.2, 98), ("llm", 0.7, 3), ("db", 0.05, 0)]
    rows = await asyncio.gather(*(guarded(sem, n, d, s, 0.4) for n, d, s in plan))
    w = max(len(n) for n, _ in rows) + 2
    print("|" + "tool".center(w, "-") + "|" + "bytes".center(12) + "|")
    for name, size in rows:
        shown = f"{size:,}" if size is not None else "timeout"
        print(f"|{name:>{w}}|{shown:^12}|{name!a}|{size!r:>8}|")
    ok = [s for _, s in rows if s is not None]
    total = sum(ok)
    print(f"total {total:_} = {total:#x} = {total:.3e} = {total:10.2E}|")
    print(f"share {len(ok) / len(rows):.1%} {len(ok) / len(rows):6.2%} {2 / 3:.4g} {1e-7:g} {123456789.0:g}")
    print(f"{'nested':{'*'}^{w + 4}} {3.14159:{w}.{2}f} {-42:+05d} {42: d} {7:08b} {255:o}")
    print("{0[name]} took {0[t]:.2f}s, {1}".format({"name": "x", "t": 0.5}, "done"))
    template = "{tool} -> {status} after {secs}s"
    print(template.format_map(Defaulting(tool="llm", status="timeout")))
    print("%-8s|%6.1f|%03d|%x|%r|%%" % ("db", 0.25, 7, 255, "q"))
    print("%(tool)s=%(n)d" % {"tool": "api", "n": 3}, "7".zfill(3), "-7".zfill(4), "ab".ljust(5, "."), "ab".rjust(5, "."))
    print(f"{True:>6}|{None!s:<6}|{3.0}|{1e16}|{1.5e-5}|{0.1 + 0.2}|{2**64}|{-0.0}")


asyncio.run(main())
