import asyncio
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction
from pprint import pprint

PRICES = {"gpt": Decimal("0.0150"), "claude": Decimal("0.0080"), "local": Decimal("0"), "vision": Decimal("0.0325")}
DELAYS = {"gpt": 0.2, "claude": 0.1, "local": 0.05, "vision": 0.45}


async def call(name):
    await asyncio.sleep(DELAYS[name])
    return PRICES[name] * 3


async def guarded(sem, name):
    async with sem:
        try:
            return name, await asyncio.wait_for(call(name), timeout=0.3)
        except asyncio.TimeoutError:
            return name, None


async def main():
    sem = asyncio.Semaphore(2)
    rows = await asyncio.gather(*(guarded(sem, n) for n in PRICES))
    pprint(rows)
    total = sum((c for _, c in rows if c is not None), Decimal(0))
    print("total:", total, total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), repr(total))
    share = Fraction(sum(c is None for _, c in rows), len(rows))
    print("timeout share:", share, float(share), f"{share:.3f}" if hasattr(share, "__format__") else "")
    print(0.1 + 0.2, round(2.675, 2), round(0.5), round(1.5), round(-0.5), 1e16, 1e-5, 123456789.0 * 10)
    print(f"{2/3:.15g} {2/3!r} {1/3:g} {1e21:g} {float('inf')} {-0.0}")
    pprint({"timeouts": [n for n, c in rows if c is None], "nested": {"depth": [1, [2, [3, [4]]]]}, "z": list(range(25))})


asyncio.run(main())
