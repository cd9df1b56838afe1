import asyncio
import math


async def measure(name, delay, timeout):
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.wait_for(asyncio.sleep(delay), timeout)
        return name, loop.time() - start, True
    except asyncio.TimeoutError:
        return name, loop.time() - start, False


async def main():
    plan = [("a", 0.125), ("b", 0.375), ("c", 0.0001), ("d", 2.5), ("e", 1 / 3)]
    rows = await asyncio.gather(*(measure(n, d, 1.0) for n, d in plan))
    for name, secs, ok in rows:
        print(f"{name} {secs!r:<22} {round(secs, 2)!s:<6} {secs:.2f} {secs:8.3g} {secs * 1e3:,.1f}ms ok={ok:d}")
    print([round(x) for x in (0.5, 1.5, 2.5, -0.5)], round(2.675, 2), round(0.125, 2), round(1234, -2))
    total = sum(secs for _, secs, ok in rows if ok)
    print(total, math.fsum(secs for _, secs, ok in rows if ok), f"{total:.17g}")
    print(math.isclose(0.1 + 0.2, 0.3), math.ceil(2.1), math.floor(-2.1), math.trunc(-2.7), int(-2.7))
    print(7 // 2, -7 // 2, 7 % -2, -7 % 2, 2 ** -1, 10 / 4, 10 // 4.0, divmod(-7.5, 2))
    print(float("inf"), -math.inf, math.nan != math.nan, float("1e400"), 1e-400, 5e-324 / 2)
    print(f"{1e21:f}"[:10], 1e21, 1e16, 123456789012345678, 0.1 * 3, 1 / 3, 2 / 3, 100 / 3)
    print(int("0x1f", 16), int("1_000"), float(" 2.50 "), int(3.999), bin(10), hex(-255), oct(8))
    print(f"{0.5:.0f} {1.5:.0f} {2.5:.0f} {-0.0:.1f} {1e-5:.2e} {123.456:010.2f} {5:.3%}")
    print(round(0.1 + 0.2, 15), 3 * 1.1, 1.1 + 2.2, sum([0.1] * 10), math.prod([1.5, 2, 4]))


asyncio.run(main())
